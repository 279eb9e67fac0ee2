package io.tickwatch.cli.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.RollingStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingStatsPointsTest {

  @Test
  void shouldTagHostSeriesWithMetricHostClusterWindowAndLabels() {
    RollingStats stats =
        StatsFixtures.stats("host-1", "action.latency", Map.of("action", "move"), 5_000, 10);

    InfluxPoint point = RollingStatsPoints.toPoint("tickwatch_stats", stats);

    assertThat(point.measurement()).isEqualTo("tickwatch_stats");
    assertThat(point.tags())
        .containsExactly(
            Map.entry("action", "move"),
            Map.entry("cluster", "eu-west"),
            Map.entry("host", "host-1"),
            Map.entry("metric", "action.latency"),
            Map.entry("scope", "host"),
            Map.entry("window", "1s"));
    assertThat(point.timestampMillis()).isEqualTo(5_000);
    assertThat(point.fields())
        .containsEntry("count", 10L)
        .containsEntry("host_count", 1L)
        .containsEntry("mean", 1010.0)
        .containsEntry("p99", 3900.0);
  }

  @Test
  void shouldMarkFleetSeriesWithoutHostTag() {
    InfluxPoint point =
        RollingStatsPoints.toPoint("m", StatsFixtures.stats(null, "tick.duration", Map.of(), 0, 5));

    assertThat(point.tags()).doesNotContainKey("host").containsEntry("scope", "fleet");
    assertThat(point.fields()).containsEntry("host_count", 3L);
  }

  @Test
  void shouldPrefixLabelsThatCollideWithReservedTags() {
    InfluxPoint point =
        RollingStatsPoints.toPoint(
            "m", StatsFixtures.stats("h", "x", Map.of("host", "other", "zone", "a"), 0, 1));

    assertThat(point.tags())
        .containsEntry("host", "h")
        .containsEntry("label_host", "other")
        .containsEntry("zone", "a");
  }

  @Test
  void shouldWriteOnlyCountsForAnEmptyWindow() {
    String line =
        LineProtocol.line(
            RollingStatsPoints.toPoint("m", StatsFixtures.stats("h", "x", Map.of(), 0, 0)));

    assertThat(line)
        .isEqualTo(
            "m,cluster=eu-west,host=h,metric=x,scope=host,window=1s"
                + " count=0i,host_count=1i,sum=0.0,rate_per_second=0.0 0");
  }

  @Test
  void shouldNameWindowSizes() {
    assertThat(RollingStatsPoints.windowName(1000)).isEqualTo("1s");
    assertThat(RollingStatsPoints.windowName(10_000)).isEqualTo("10s");
    assertThat(RollingStatsPoints.windowName(60_000)).isEqualTo("1m");
    assertThat(RollingStatsPoints.windowName(3_600_000)).isEqualTo("1h");
    assertThat(RollingStatsPoints.windowName(1500)).isEqualTo("1500ms");
  }
}
