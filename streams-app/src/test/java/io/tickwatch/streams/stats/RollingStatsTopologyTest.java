package io.tickwatch.streams.stats;

import static io.tickwatch.streams.testing.Batches.batch;
import static io.tickwatch.streams.testing.Batches.constant;
import static io.tickwatch.streams.testing.Batches.ramp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RollingStatsTopologyTest {
  private static final Duration S1 = Duration.ofSeconds(1);
  private static final Duration S10 = Duration.ofSeconds(10);
  private static final String CPU = "cpu.process.percent";
  private static final String H1_CPU = "h1/" + CPU;

  private final StatsDriver driver = new StatsDriver(StatsDriver.testConfig());

  @AfterEach
  void close() {
    driver.close();
  }

  private void advanceTo(long millis) {
    driver.advanceTo(millis);
  }

  @Test
  void shouldComputeEveryStatisticOfABatchInsideOneWindow() {
    driver.pipe(batch("h1", 10_200).series(CPU, ramp(100)).build());
    advanceTo(13_000);

    RollingStats stats = driver.finalOf(H1_CPU, S1, 10_000);

    assertThat(stats.getHostId()).isEqualTo("h1");
    assertThat(stats.getCluster()).isEqualTo("eu-1");
    assertThat(stats.getMetric()).isEqualTo(CPU);
    assertThat(stats.getWindowEndMillis()).isEqualTo(Instant.ofEpochMilli(11_000));
    assertThat(stats.getCount()).isEqualTo(100);
    assertThat(stats.getSum()).isEqualTo(5050.0);
    assertThat(stats.getMean()).isCloseTo(50.5, within(1e-9));
    assertThat(stats.getMin()).isEqualTo(1.0);
    assertThat(stats.getMax()).isEqualTo(100.0);
    assertThat(stats.getStddev()).isCloseTo(Math.sqrt((100.0 * 100 - 1) / 12), within(1e-9));
    assertThat(stats.getRatePerSecond()).isCloseTo(5050.0, within(1e-9));
    assertThat(stats.getP50()).isCloseTo(50.0, within(0.5));
    assertThat(stats.getP95()).isCloseTo(95.0, within(0.95));
    assertThat(stats.getP99()).isCloseTo(99.0, within(0.99));
    assertThat(stats.getHostCount()).isEqualTo(1);
    assertThat(stats.getFinalResult()).isTrue();
    assertThat(stats.getSketch().getRelativeAccuracy()).isEqualTo(0.01);
  }

  @Test
  void shouldNotEmitAFinalResultBeforeTheGracePeriodEnds() {
    driver.pipe(batch("h1", 10_200).series(CPU, ramp(100)).build());
    advanceTo(12_999);

    assertThat(driver.finals(H1_CPU, S1)).isEmpty();
  }

  @Test
  void shouldSplitABatchStraddlingAWindowBoundaryBySampleTime() {
    driver.pipe(batch("h1", 10_950).series(CPU, ramp(100)).build());
    advanceTo(14_000);

    RollingStats first = driver.finalOf(H1_CPU, S1, 10_000);
    RollingStats second = driver.finalOf(H1_CPU, S1, 11_000);
    assertThat(first.getCount()).isEqualTo(50);
    assertThat(first.getMax()).isEqualTo(50.0);
    assertThat(second.getCount()).isEqualTo(50);
    assertThat(second.getMin()).isEqualTo(51.0);
    assertThat(second.getSum()).isEqualTo(3775.0);
  }

  @Test
  void shouldAttributeLatencyDigestsToTheWindowOfTheBatchStart() {
    driver.pipe(
        batch("h1", 10_950)
            .series(CPU, ramp(100))
            .latency("tick.duration", Map.of(), 1000, 2000, 3000)
            .build());
    advanceTo(14_000);

    RollingStats ticks = driver.finalOf("h1/tick.duration", S1, 10_000);
    assertThat(ticks.getCount()).isEqualTo(3);
    assertThat(ticks.getSum()).isEqualTo(6000.0);
    assertThat(ticks.getMin()).isEqualTo(1000.0);
    assertThat(ticks.getMax()).isEqualTo(3000.0);
    assertThat(ticks.getRatePerSecond()).isCloseTo(3.0, within(1e-9));
    assertThat(ticks.getP50()).isCloseTo(2000.0, within(20.0));
    assertThat(driver.finals("h1/tick.duration", S1)).hasSize(1);
  }

  @Test
  void shouldKeepLabelsInTheKeySortedByName() {
    driver.pipe(
        batch("h1", 10_000)
            .series("net.rx.packets", constant(100, 2))
            .latency("action.latency", Map.of("zone", "a", "action", "move"), 500)
            .build());
    advanceTo(13_000);

    RollingStats latency = driver.finalOf("h1/action.latency{action=move,zone=a}", S1, 10_000);
    assertThat(latency.getLabels()).containsEntry("action", "move").containsEntry("zone", "a");
    RollingStats rx = driver.finalOf("h1/net.rx.packets", S1, 10_000);
    assertThat(rx.getRatePerSecond()).isCloseTo(200.0, within(1e-9));
  }

  @Test
  void shouldIncludeLateBatchesWithinTheGracePeriod() {
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    driver.pipe(batch("h1", 12_900).series(CPU, constant(100, 1)).build());
    driver.pipe(batch("h1", 10_500).series(CPU, constant(100, 3)).build());
    advanceTo(13_000);

    RollingStats stats = driver.finalOf(H1_CPU, S1, 10_000);
    assertThat(stats.getCount()).isEqualTo(200);
    assertThat(stats.getMax()).isEqualTo(3.0);
    assertThat(driver.metric("dropped-records-total")).isZero();
  }

  @Test
  void shouldDropAndCountBatchesAfterTheGracePeriod() {
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    advanceTo(13_000);
    driver.pipe(batch("h1", 10_500).series(CPU, constant(100, 3)).build());
    advanceTo(14_000);

    RollingStats stats = driver.finalOf(H1_CPU, S1, 10_000);
    assertThat(stats.getCount()).isEqualTo(100);
    assertThat(stats.getMax()).isEqualTo(1.0);
    assertThat(driver.metric("dropped-records-total")).isGreaterThanOrEqualTo(1.0);
    // larger windows merge the 1 s finals, so the late batch is missing there too: 10 s stays
    // exactly the merge of its 1 s windows
    advanceTo(30_000);
    assertThat(driver.finalOf(H1_CPU, S10, 10_000).getCount()).isEqualTo(100);
  }

  @Test
  void shouldGiveTheSameResultForOutOfOrderBatches() {
    driver.pipe(batch("h1", 10_500).series(CPU, constant(100, 5)).build());
    driver.pipe(batch("h1", 10_100).series(CPU, constant(100, 1)).build());
    driver.pipe(batch("h1", 10_800).series(CPU, constant(100, 9)).build());
    driver.pipe(batch("h1", 10_300).series(CPU, constant(100, 3)).build());
    advanceTo(13_000);

    RollingStats stats = driver.finalOf(H1_CPU, S1, 10_000);
    assertThat(stats.getCount()).isEqualTo(400);
    assertThat(stats.getMean()).isCloseTo(4.5, within(1e-9));
    assertThat(stats.getMin()).isEqualTo(1.0);
    assertThat(stats.getMax()).isEqualTo(9.0);
    assertThat(stats.getStddev()).isCloseTo(Math.sqrt(8.75), within(1e-9));
  }

  @Test
  void shouldEmitOneFinalResultPerWindowAndSeries() {
    for (long t = 10_000; t < 35_000; t += 100) {
      driver.pipe(
          batch("h1", t)
              .series(CPU, constant(100, 1))
              .latency("tick.duration", Map.of(), 100)
              .build());
      driver.pipe(batch("h2", t).series(CPU, constant(100, 2)).build());
    }

    driver.advanceWallClock();

    Map<String, Integer> perWindow = new HashMap<>();
    for (KeyValue<String, RollingStats> kv : driver.finals()) {
      assertThat(kv.value.getFinalResult()).isTrue();
      perWindow.merge(
          kv.key + "@" + kv.value.getWindowSizeMillis() + "@" + kv.value.getWindowStartMillis(),
          1,
          Integer::sum);
    }
    assertThat(perWindow)
        .isNotEmpty()
        .allSatisfy((window, n) -> assertThat(n).as(window).isEqualTo(1));
    // event time 34.9 s closes the 1 s windows 10..31 s (end + 2 s grace); the 10 s windows merge
    // 1 s finals, the latest of which is at 31.9 s: [10 s, 20 s) is closed, [20 s, 30 s) not yet
    assertThat(driver.finals(H1_CPU, S1)).hasSize(22);
    assertThat(driver.finals("h1/tick.duration", S1)).hasSize(22);
    assertThat(driver.finals(H1_CPU, S10)).hasSize(1);
    assertThat(driver.finals("*/" + CPU, S1)).isNotEmpty();
  }

  @Test
  void shouldEmitLiveUpdatesBeforeTheWindowCloses() {
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    driver.pipe(batch("h1", 10_100).series(CPU, constant(100, 1)).build());

    List<RollingStats> live =
        driver.live().stream()
            .filter(kv -> kv.key.equals(H1_CPU) && kv.value.getWindowSizeMillis() == 1000)
            .map(kv -> kv.value)
            .toList();
    assertThat(driver.finals()).isEmpty();
    assertThat(live).extracting(RollingStats::getCount).containsExactly(100L, 200L);
    assertThat(live).allSatisfy(s -> assertThat(s.getFinalResult()).isFalse());
  }

  @Test
  void shouldThrottleLiveUpdatesToTheConfiguredEventTimeInterval() {
    RollingStatsConfig throttled =
        RollingStatsConfig.from(
            key ->
                switch (key) {
                  case RollingStatsConfig.WINDOW_SIZES -> "1s,10s";
                  case RollingStatsConfig.LIVE_UPDATE_INTERVAL -> "1s";
                  default -> null;
                });
    try (StatsDriver slow = new StatsDriver(throttled)) {
      for (long t = 10_000; t < 12_000; t += 100) {
        slow.pipe(batch("h1", t).series(CPU, constant(100, 1)).build());
      }
      List<RollingStats> live =
          slow.live().stream()
              .filter(kv -> kv.key.equals(H1_CPU) && kv.value.getWindowSizeMillis() == 1000)
              .filter(kv -> kv.value.getWindowStartMillis().toEpochMilli() == 10_000)
              .map(kv -> kv.value)
              .toList();
      // 10 batches into the window: one update, one second of event time after the first, with
      // everything the window received by then
      assertThat(live).hasSize(1);
      assertThat(live.get(0).getCount()).isEqualTo(1000L);
      assertThat(live.get(0).getFinalResult()).isFalse();
    }
  }

  @Test
  void shouldMergeTwoHostsIntoTheFleetAggregate() {
    Random random = new Random(42);
    double[] a = new double[100];
    double[] b = new double[100];
    for (int i = 0; i < 100; i++) {
      a[i] = 1000 * Math.exp(random.nextGaussian());
      b[i] = 5000 * Math.exp(random.nextGaussian());
    }
    driver.pipe(batch("h1", 10_000).series(CPU, a).latency("tick.duration", Map.of(), a).build());
    driver.pipe(batch("h2", 10_100).series(CPU, b).latency("tick.duration", Map.of(), b).build());
    advanceTo(16_000);

    RollingStats fleet = driver.finalOf("*/" + CPU, S1, 10_000);
    LogBucketSketch exact = new LogBucketSketch(0.01);
    for (int i = 0; i < 100; i++) {
      exact.add(a[i]);
      exact.add(b[i]);
    }
    assertThat(fleet.getHostId()).isNull();
    assertThat(fleet.getHostCount()).isEqualTo(2);
    assertThat(fleet.getCount()).isEqualTo(200);
    assertThat(fleet.getSum())
        .isCloseTo(
            driver.finalOf(H1_CPU, S1, 10_000).getSum()
                + driver.finalOf("h2/" + CPU, S1, 10_000).getSum(),
            within(1e-6));
    assertThat(fleet.getMin()).isEqualTo(exact.min());
    assertThat(fleet.getMax()).isEqualTo(exact.max());
    double[] sorted = concatSorted(a, b);
    for (double q : new double[] {0.5, 0.95, 0.99}) {
      double truth = sorted[(int) Math.floor(q * (sorted.length - 1))];
      assertThat(q == 0.5 ? fleet.getP50() : q == 0.95 ? fleet.getP95() : fleet.getP99())
          .isCloseTo(truth, within(0.01 * truth * (1 + 1e-9)));
    }
    RollingStats ticks = driver.finalOf("*/tick.duration", S1, 10_000);
    assertThat(ticks.getCount()).isEqualTo(200);
    assertThat(ticks.getHostCount()).isEqualTo(2);
    assertThat(ticks.getP99()).isEqualTo(fleet.getP99());
  }

  @Test
  void shouldEmitFleetResultsOnlyOnceTheHostsHadTimeToReport() {
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    driver.pipe(batch("h2", 10_000).series(CPU, constant(100, 3)).build());
    for (long t = 11_000; t <= 16_000; t += 1000) {
      driver.pipe(batch("clock", t).series("clock.ticks", 1.0).build());
    }

    assertThat(driver.finals("*/" + CPU, S1)).isEmpty();
    assertThat(driver.finals(H1_CPU, S1)).hasSize(1);
    driver.advanceWallClock();
    RollingStats fleet = driver.finalOf("*/" + CPU, S1, 10_000);
    assertThat(fleet.getCount()).isEqualTo(200);
    assertThat(fleet.getMean()).isEqualTo(2.0);
    assertThat(driver.finals("*/" + CPU, S1)).hasSize(1);
  }

  @Test
  void shouldMakeTenSecondWindowsEqualTheMergeOfTheirOneSecondWindows() {
    Random random = new Random(7);
    for (long t = 9_950; t < 21_000; t += 100) {
      for (String host : List.of("h1", "h2")) {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
          values[i] = random.nextInt(10) == 0 ? Double.NaN : 50 * Math.exp(random.nextGaussian());
        }
        driver.pipe(
            batch(host, t + (host.equals("h2") ? 37 : 0))
                .series(CPU, values)
                .latency("tick.duration", Map.of(), values[0] > 0 ? values[0] : 1.0, 70.0)
                .build());
      }
    }
    advanceTo(40_000);

    for (String key :
        List.of(H1_CPU, "h2/" + CPU, "h1/tick.duration", "*/" + CPU, "*/tick.duration")) {
      RollingStats ten = driver.finalOf(key, S10, 10_000);
      List<RollingStats> ones =
          driver.finals(key, S1).stream()
              .filter(s -> s.getWindowStartMillis().toEpochMilli() >= 10_000)
              .filter(s -> s.getWindowStartMillis().toEpochMilli() < 20_000)
              .toList();
      assertThat(ones).as(key).hasSize(10);
      assertThat(ten.getCount())
          .as(key)
          .isEqualTo(ones.stream().mapToLong(RollingStats::getCount).sum());
      assertThat(ten.getSum())
          .as(key)
          .isCloseTo(
              ones.stream().mapToDouble(RollingStats::getSum).sum(),
              within(1e-6 * Math.abs(ten.getSum())));
      assertThat(ten.getMin())
          .isEqualTo(ones.stream().mapToDouble(RollingStats::getMin).min().orElseThrow());
      assertThat(ten.getMax())
          .isEqualTo(ones.stream().mapToDouble(RollingStats::getMax).max().orElseThrow());
      assertThat(RollingStatsAssertions.bucketTotals(ten))
          .as(key)
          .isEqualTo(RollingStatsAssertions.mergedBucketTotals(ones));
      assertThat(ten.getStddev())
          .as(key)
          .isCloseTo(RollingStatsAssertions.mergedStddev(ones), within(1e-9 * ten.getMax()));
    }
  }

  @Test
  void shouldSkipNanSlotsAsAbsentReadings() {
    double[] values = constant(100, 2);
    values[3] = Double.NaN;
    values[4] = Double.NaN;
    driver.pipe(batch("h1", 10_000).series(CPU, values).build());
    advanceTo(13_000);

    RollingStats stats = driver.finalOf(H1_CPU, S1, 10_000);
    assertThat(stats.getCount()).isEqualTo(98);
    assertThat(stats.getMax()).isEqualTo(2.0);
    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldDeadLetterAWholeBatchWithAnInfiniteValue() {
    double[] values = constant(100, 2);
    values[4] = Double.POSITIVE_INFINITY;
    values[5] = Double.NEGATIVE_INFINITY;
    driver.pipe(batch("h1", 10_000).series(CPU, values).build());
    driver.pipe(batch("h1", 10_100).series(CPU, constant(100, 3)).build());
    advanceTo(13_000);

    assertThat(driver.deadLetters())
        .singleElement()
        .satisfies(
            letter ->
                assertThat(letter.getReason())
                    .contains("series " + CPU + " has 2 infinite value(s)"));
    assertThat(driver.finalOf(H1_CPU, S1, 10_000).getCount()).isEqualTo(100);
  }

  @Test
  void shouldDeadLetterALatencyDigestWithANegativeDuration() {
    driver.pipe(
        batch("h1", 10_000)
            .series(CPU, constant(100, 1))
            .digest(
                new io.tickwatch.avro.LatencyDigest(
                    "tick.duration",
                    Map.of(),
                    1L,
                    -5.0,
                    -5.0,
                    -5.0,
                    new io.tickwatch.avro.QuantileSketch(0.01, 1L, 0, List.of())))
            .build());
    advanceTo(13_000);

    assertThat(driver.deadLetters())
        .singleElement()
        .satisfies(
            letter ->
                assertThat(letter.getReason())
                    .contains("latency digest tick.duration is invalid (negative duration"));
    assertThat(driver.finals(H1_CPU, S1)).isEmpty();
  }

  @Test
  void shouldDeadLetterOverlongNamesAndLabelCardinalityExplosions() {
    driver.pipe(batch("h1", 10_000).series("x".repeat(257), constant(100, 1)).build());
    driver.pipe(
        batch("h1", 10_000)
            .series(CPU, Map.of("build", "y".repeat(300)), constant(100, 1))
            .build());
    var explosion = batch("h1", 10_000);
    for (int i = 0; i <= BatchSlicer.MAX_LABEL_SETS_PER_NAME; i++) {
      explosion.series("action.count", Map.of("request", "r" + i), constant(100, 1));
    }
    driver.pipe(explosion.build());
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    advanceTo(13_000);

    assertThat(driver.deadLetters())
        .extracting(io.tickwatch.avro.DeadLetter::getReason)
        .satisfiesExactly(
            r -> assertThat(r).contains("series name of 257 characters"),
            r -> assertThat(r).contains("label value of 300 characters"),
            r -> assertThat(r).contains("label cardinality explosion: metric action.count"));
    assertThat(driver.finalOf(H1_CPU, S1, 10_000).getCount()).isEqualTo(100);
  }

  @Test
  void shouldDeadLetterABatchFarFromItsPartitionsEventTimeWithoutMovingStreamTime() {
    long farFuture = 10_000 + Duration.ofDays(3650).toMillis();
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    // a corrupt start time from a producer whose clock is fine (record timestamp 10.1 s)
    driver.pipeWithTimestamp(batch("h1", farFuture).series(CPU, constant(100, 5)).build(), 10_100);
    driver.pipe(batch("h1", 10_200).series(CPU, constant(100, 1)).build());
    advanceTo(13_000);

    assertThat(driver.deadLetters())
        .singleElement()
        .satisfies(letter -> assertThat(letter.getReason()).contains("implausibly far"));
    // stream time did not jump ten years: the batch after the bad one was still on time
    assertThat(driver.finalOf(H1_CPU, S1, 10_000).getCount()).isEqualTo(200);
    assertThat(driver.finals()).noneMatch(kv -> kv.value.getMax() == 5.0);
  }

  @Test
  void shouldAcceptABatchFarFromItsPartitionsEventTimeWhenItsRecordTimestampAgrees() {
    long later = 10_000 + Duration.ofDays(3).toMillis();
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    // a host coming back after a long pause: its producer stamped the batch with the same time
    driver.pipe(batch("h1", later).series(CPU, constant(100, 2)).build());

    assertThat(driver.deadLetters()).isEmpty();
  }

  @Test
  void shouldReportAnEmptyWindowWithNanStatistics() {
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, Double.NaN)).build());
    advanceTo(13_000);

    RollingStats stats = driver.finalOf(H1_CPU, S1, 10_000);
    assertThat(stats.getCount()).isZero();
    assertThat(stats.getMean()).isNaN();
    assertThat(stats.getP99()).isNaN();
    assertThat(stats.getRatePerSecond()).isZero();
  }

  @Test
  void shouldServeTheWindowsOfASeriesFromTheStores() {
    driver.pipe(batch("h1", 10_000).series(CPU, constant(100, 1)).build());
    driver.pipe(batch("h2", 10_000).series(CPU, constant(100, 3)).build());
    driver.pipe(batch("h1", 11_000).series(CPU, constant(100, 2)).build());
    advanceTo(16_000);

    List<RollingStats> host =
        RollingStatsQueries.fetchHost(
            driver.<HostAggregate>windowStore(RollingStatsQueries.storeName("h1", S1)),
            "h1",
            CPU,
            Map.of(),
            S1,
            Instant.ofEpochMilli(10_000),
            Instant.ofEpochMilli(11_000));
    assertThat(host).extracting(RollingStats::getMean).containsExactly(1.0, 2.0);
    assertThat(RollingStatsQueries.storeKey("h1", CPU, Map.of())).isEqualTo("h1");

    List<RollingStats> fleet =
        RollingStatsQueries.fetchFleet(
            driver.windowStore(RollingStatsQueries.storeName("*", S1)),
            CPU,
            Map.of(),
            S1,
            Instant.ofEpochMilli(10_000),
            Instant.ofEpochMilli(10_000));
    assertThat(fleet).hasSize(1);
    assertThat(fleet.get(0).getMean()).isEqualTo(2.0);
    assertThat(fleet.get(0).getHostCount()).isEqualTo(2);
    assertThat(RollingStatsQueries.storeKey("*", CPU, Map.of("b", "2", "a", "1")))
        .isEqualTo("*/" + CPU + "{a=1,b=2}");
  }

  private static double[] concatSorted(double[] a, double[] b) {
    double[] all = new double[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    java.util.Arrays.sort(all);
    return all;
  }
}
