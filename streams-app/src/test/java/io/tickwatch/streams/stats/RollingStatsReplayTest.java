package io.tickwatch.streams.stats;

import static io.tickwatch.streams.testing.Batches.batch;
import static io.tickwatch.streams.testing.Batches.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class RollingStatsReplayTest {

  private static List<SampleBatch> input() {
    Random random = new Random(3);
    List<SampleBatch> batches = new ArrayList<>();
    for (long t = 9_930; t < 16_000; t += 100) {
      for (String host : List.of("h1", "h2")) {
        double[] values = new double[100];
        for (int k = 0; k < values.length; k++) {
          values[k] = 10 * Math.exp(random.nextGaussian());
        }
        batches.add(
            batch(host, t + (host.equals("h2") ? 11 : 0))
                .series("cpu.process.percent", values)
                .latency("tick.duration", Map.of(), values[0], values[1])
                .build());
      }
    }
    for (long t = 16_000; t <= 30_000; t += 1000) {
      batches.add(batch("clock", t).series("clock.ticks", ramp(1)).build());
    }
    return batches;
  }

  private static List<KeyValue<String, RollingStats>> run(RollingStatsConfig config) {
    try (StatsDriver driver = new StatsDriver(config)) {
      input().forEach(driver::pipe);
      driver.advanceWallClock();
      return driver.finals();
    }
  }

  @Test
  void shouldEmitExactlyTheLiveWindowsThatLieInsideTheReplayRange() {
    RollingStatsConfig live = StatsDriver.testConfig();
    RollingStatsConfig replay =
        live.withReplay("r1", Instant.ofEpochMilli(11_000), Instant.ofEpochMilli(14_000));

    List<KeyValue<String, RollingStats>> liveFinals = run(live);
    List<KeyValue<String, RollingStats>> replayFinals = run(replay);

    List<String> expected =
        liveFinals.stream()
            .filter(kv -> kv.value.getWindowStartMillis().toEpochMilli() >= 11_000)
            .filter(kv -> kv.value.getWindowEndMillis().toEpochMilli() <= 14_000)
            .map(kv -> kv.key + "=" + kv.value)
            .sorted()
            .toList();
    List<String> actual =
        replayFinals.stream().map(kv -> kv.key + "=" + kv.value).sorted().toList();
    assertThat(actual).isNotEmpty().isEqualTo(expected);
    // 3 one-second windows x (2 hosts + fleet) x 2 series; no 10 s window fits in the range
    assertThat(actual).hasSize(18);
    assertThat(replayFinals)
        .allSatisfy(kv -> assertThat(kv.value.getWindowSizeMillis()).isEqualTo(1000));
    assertThat(
            replayFinals.stream()
                .filter(kv -> kv.key.equals("*/cpu.process.percent"))
                .map(kv -> kv.value.getHostCount()))
        .containsOnly(2);
    assertThat(Duration.ofMillis(liveFinals.size())).isPositive();
  }
}
