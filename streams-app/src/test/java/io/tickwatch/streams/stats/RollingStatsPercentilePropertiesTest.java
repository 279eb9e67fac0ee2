package io.tickwatch.streams.stats;

import static io.tickwatch.streams.testing.Batches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.RollingStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * End-to-end accuracy: the percentiles in the RollingStats output of a window (host and fleet) are
 * within the stated relative accuracy of the exact percentiles of every sample and duration that
 * went into it, whatever the split into batches, hosts and windows.
 */
class RollingStatsPercentilePropertiesTest {
  private static final double ALPHA = 0.01;
  private static final double[] QUANTILES = {0.5, 0.95, 0.99, 0.999};

  @Provide
  Arbitrary<List<Double>> latencies() {
    // log-normal-ish latencies from 10 us to 1 s, with duplicates as on a real server
    return Arbitraries.doubles()
        .between(1, 6)
        .map(e -> Math.pow(10, e))
        .list()
        .ofMinSize(600)
        .ofMaxSize(600)
        .injectDuplicates(0.2);
  }

  @Property(tries = 15)
  void shouldKeepEveryOutputPercentileWithinTheRelativeAccuracy(
      @ForAll("latencies") List<Double> values, @ForAll @IntRange(min = 0, max = 999) int offset) {
    try (StatsDriver driver = new StatsDriver(StatsDriver.testConfig())) {
      // 600 values: 3 batches of 100 slots on each of 2 hosts; the window may cut the batches
      long start = 20_000 + offset;
      for (int b = 0; b < 6; b++) {
        double[] slots = new double[100];
        for (int k = 0; k < 100; k++) {
          slots[k] = values.get(b * 100 + k);
        }
        String host = b % 2 == 0 ? "h1" : "h2";
        driver.pipe(
            batch(host, start + (b / 2) * 100L)
                .series("tick.max.micros", slots)
                .latency("tick.duration", Map.of(), slots)
                .build());
      }
      driver.advanceTo(40_000);

      List<Double> all = new ArrayList<>(values);
      assertThat(countInOneSecondWindows(driver, "*/tick.max.micros")).isEqualTo(all.size());
      for (String key : List.of("*/tick.max.micros", "*/tick.duration")) {
        RollingStats tenSeconds = driver.finalOf(key, Duration.ofSeconds(10), 20_000);
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertWithin(tenSeconds, sorted);
      }
      for (String host : List.of("h1", "h2")) {
        List<Double> hostValues = new ArrayList<>();
        for (int b = host.equals("h1") ? 0 : 1; b < 6; b += 2) {
          hostValues.addAll(values.subList(b * 100, b * 100 + 100));
        }
        double[] sorted = hostValues.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertWithin(
            driver.finalOf(host + "/tick.duration", Duration.ofSeconds(10), 20_000), sorted);
        assertWithin(
            driver.finalOf(host + "/tick.max.micros", Duration.ofSeconds(10), 20_000), sorted);
      }
    }
  }

  private static long countInOneSecondWindows(StatsDriver driver, String key) {
    return driver.finals(key, Duration.ofSeconds(1)).stream()
        .mapToLong(RollingStats::getCount)
        .sum();
  }

  private static void assertWithin(RollingStats stats, double[] sorted) {
    assertThat(stats.getCount()).isEqualTo(sorted.length);
    double[] estimates = {stats.getP50(), stats.getP95(), stats.getP99(), stats.getP999()};
    for (int i = 0; i < QUANTILES.length; i++) {
      double exact = sorted[(int) Math.floor(QUANTILES[i] * (sorted.length - 1))];
      assertThat(Math.abs(estimates[i] - exact))
          .as(
              "p%s of %s: estimate %s, exact %s",
              QUANTILES[i], stats.getMetric(), estimates[i], exact)
          .isLessThanOrEqualTo(ALPHA * exact * (1 + 1e-9));
    }
    assertThat(stats.getMin()).isEqualTo(sorted[0]);
    assertThat(stats.getMax()).isEqualTo(sorted[sorted.length - 1]);
    assertThat(Arrays.stream(sorted).sum())
        .isCloseTo(stats.getSum(), org.assertj.core.api.Assertions.within(1e-6 * stats.getSum()));
  }
}
