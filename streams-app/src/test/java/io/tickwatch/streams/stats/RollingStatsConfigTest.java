package io.tickwatch.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingStatsConfigTest {

  @Test
  void shouldDefaultToTheCatalogueTopicsAndFourWindowSizes() {
    RollingStatsConfig config = RollingStatsConfig.defaults();

    assertThat(config.inputTopic()).isEqualTo("tickwatch.samples");
    assertThat(config.outputTopic()).isEqualTo("tickwatch.stats");
    assertThat(config.liveTopic()).isEqualTo("tickwatch.stats-live");
    assertThat(config.deadLetterTopic()).isEqualTo("tickwatch.dead-letter");
    assertThat(config.windowSizes())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofHours(1));
    assertThat(config.grace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.relativeAccuracy()).isEqualTo(0.01);
    assertThat(config.hasReplayRange()).isFalse();
    assertThat(config.outputNamespace()).isEmpty();
  }

  @Test
  void shouldReadEveryKeyFromALookup() {
    Map<String, String> values =
        Map.of(
            RollingStatsConfig.WINDOW_SIZES,
            "500ms, 5s,PT1M",
            RollingStatsConfig.GRACE,
            "750ms",
            RollingStatsConfig.FLEET_HOST_TIMEOUT,
            "3s",
            RollingStatsConfig.LIVE_UPDATE_INTERVAL,
            "250ms",
            RollingStatsConfig.REPLAY_FROM,
            "2026-11-27T10:00:00Z",
            RollingStatsConfig.REPLAY_TO,
            String.valueOf(Instant.parse("2026-11-27T10:01:00Z").toEpochMilli()),
            RollingStatsConfig.OUTPUT_NAMESPACE,
            "tickwatch.replay.abc.",
            RollingStatsConfig.RELATIVE_ACCURACY,
            "0.02");

    RollingStatsConfig config = RollingStatsConfig.from(values::get);

    assertThat(config.windowSizes())
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(1));
    assertThat(config.grace()).isEqualTo(Duration.ofMillis(750));
    assertThat(config.fleetHostTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.liveUpdateInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.replayFromMillis())
        .isEqualTo(Instant.parse("2026-11-27T10:00:00Z").toEpochMilli());
    assertThat(config.replayToMillis())
        .isEqualTo(Instant.parse("2026-11-27T10:01:00Z").toEpochMilli());
    assertThat(config.outputTopic()).isEqualTo("tickwatch.replay.abc.stats");
    assertThat(config.liveTopic()).isEqualTo("tickwatch.replay.abc.stats-live");
    assertThat(config.relativeAccuracy()).isEqualTo(0.02);
  }

  @Test
  void shouldReportEveryErrorAtOnce() {
    Map<String, String> values =
        Map.of(
            RollingStatsConfig.WINDOW_SIZES, "1s,1500ms,soon",
            RollingStatsConfig.GRACE, "-1s",
            RollingStatsConfig.REPLAY_FROM, "yesterday",
            RollingStatsConfig.RELATIVE_ACCURACY, "0.9",
            RollingStatsConfig.LIVE_TOPIC, "tickwatch.stats");

    assertThatThrownBy(() -> RollingStatsConfig.from(values::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'soon' is not a duration")
        .hasMessageContaining("not a multiple of the smallest size")
        .hasMessageContaining(RollingStatsConfig.GRACE + ": must not be negative")
        .hasMessageContaining(RollingStatsConfig.REPLAY_FROM + ": 'yesterday'")
        .hasMessageContaining(RollingStatsConfig.RELATIVE_ACCURACY + ": must be in")
        .hasMessageContaining(RollingStatsConfig.LIVE_TOPIC + ": must differ");
  }

  @Test
  void shouldRejectUnsortedWindowSizesAndAnEmptyRange() {
    assertThatThrownBy(
            () ->
                RollingStatsConfig.from(
                    Map.of(
                            RollingStatsConfig.WINDOW_SIZES, "10s,1s",
                            RollingStatsConfig.REPLAY_FROM, "100",
                            RollingStatsConfig.REPLAY_TO, "100")
                        ::get))
        .hasMessageContaining("strictly ascending")
        .hasMessageContaining("must be before");
  }

  @Test
  void shouldTurnIntoAReplayRunWithItsOwnNamespaceAndRange() {
    RollingStatsConfig replay =
        RollingStatsConfig.defaults()
            .withReplay("run-7", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(5000));

    assertThat(replay.outputTopic()).isEqualTo("tickwatch.replay.run-7.stats");
    assertThat(replay.liveTopic()).isEqualTo("tickwatch.replay.run-7.stats-live");
    assertThat(replay.outputNamespace()).isEqualTo("tickwatch.replay.run-7.");
    assertThat(replay.replayFromMillis()).isEqualTo(1000);
    assertThat(replay.replayToMillis()).isEqualTo(5000);
    assertThat(replay.hasReplayRange()).isTrue();
    assertThat(replay.inputTopic()).isEqualTo("tickwatch.samples");
  }

  @Test
  void shouldKeepAtLeastAnHourAndTwoWindowsInEveryStore() {
    Duration grace = Duration.ofSeconds(2);
    for (Duration size :
        List.of(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1))) {
      Duration retention = RollingStatsTopology.retention(size, grace);
      assertThat(retention).isGreaterThanOrEqualTo(Duration.ofHours(1).plus(grace));
      assertThat(retention).isGreaterThanOrEqualTo(size.multipliedBy(2).plus(grace));
    }
  }
}
