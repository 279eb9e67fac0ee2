package io.tickwatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesRequestsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final List<Duration> SIZES =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofMinutes(1),
          Duration.ofHours(1));

  @Test
  void shouldDefaultToTheLastHourOfTheSmallestWindow() {
    SeriesQuery query = SeriesRequests.parse(Map.of("host", "h1", "metric", "m"), SIZES, NOW);
    assertThat(query.windowSize()).isEqualTo(Duration.ofSeconds(1));
    assertThat(query.toMillis()).isEqualTo(NOW.toEpochMilli());
    assertThat(query.fromMillis()).isEqualTo(NOW.minus(Duration.ofHours(1)).toEpochMilli());
    assertThat(query.fleet()).isFalse();
  }

  @Test
  void shouldParseWindowLabelsAndRange() {
    SeriesQuery query =
        SeriesRequests.parse(
            Map.of(
                "host", "*",
                "metric", "action.latency",
                "labels", "zone=eu, action=move",
                "window", "1m",
                "from", "-15m",
                "to", "now"),
            SIZES,
            NOW);
    assertThat(query.fleet()).isTrue();
    assertThat(query.labels())
        .containsExactly(Map.entry("action", "move"), Map.entry("zone", "eu"));
    assertThat(query.windowSize()).isEqualTo(Duration.ofMinutes(1));
    assertThat(query.toMillis() - query.fromMillis()).isEqualTo(15 * 60_000);
  }

  @Test
  void shouldRejectBadParametersWithAReason() {
    assertThatThrownBy(() -> SeriesRequests.parse(Map.of("metric", "m"), SIZES, NOW))
        .hasMessageContaining("missing parameter 'host'");
    assertThatThrownBy(() -> SeriesRequests.parse(Map.of("host", "h"), SIZES, NOW))
        .hasMessageContaining("missing parameter 'metric'");
    assertThatThrownBy(
            () ->
                SeriesRequests.parse(
                    Map.of("host", "h", "metric", "m", "window", "7s"), SIZES, NOW))
        .hasMessageContaining("window '7s' is not one of 1s, 10s, 1m, 1h");
    assertThatThrownBy(
            () ->
                SeriesRequests.parse(
                    Map.of("host", "h", "metric", "m", "from", "now", "to", "-1h"), SIZES, NOW))
        .hasMessageContaining("must be before");
    assertThatThrownBy(
            () ->
                SeriesRequests.parse(Map.of("host", "h", "metric", "m", "labels", "x"), SIZES, NOW))
        .hasMessageContaining("labels must be k=v");
    assertThatThrownBy(
            () ->
                SeriesRequests.parse(
                    Map.of("host", "h", "metric", "m", "from", "-30d"), SIZES, NOW))
        .hasMessageContaining("range too long");
  }
}
