package io.tickwatch.dashboard;

import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records for the dashboard tests. */
public final class TestRecords {

  private TestRecords() {}

  /** A rolling-stats record without labels: p99 = mean + 0.5, max = mean + 1, rate = mean. */
  public static RollingStats stats(
      String host, String metric, long start, long size, double mean, boolean fin) {
    return RollingStats.newBuilder()
        .setHostId(host)
        .setCluster("c")
        .setMetric(metric)
        .setLabels(Map.of())
        .setWindowStartMillis(Instant.ofEpochMilli(start))
        .setWindowEndMillis(Instant.ofEpochMilli(start + size))
        .setWindowSizeMillis(size)
        .setCount(10)
        .setSum(mean * 10)
        .setMean(mean)
        .setMin(mean)
        .setMax(mean + 1)
        .setStddev(0)
        .setRatePerSecond(mean)
        .setP50(mean)
        .setP95(mean)
        .setP99(mean + 0.5)
        .setP999(mean)
        .setSketch(
            QuantileSketch.newBuilder()
                .setRelativeAccuracy(0.01)
                .setZeroCount(0)
                .setIndexOffset(0)
                .setCounts(List.of())
                .build())
        .setHostCount(1)
        .setFinalResult(fin)
        .build();
  }
}
