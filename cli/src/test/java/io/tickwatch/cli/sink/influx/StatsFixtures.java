package io.tickwatch.cli.sink.influx;

import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** RollingStats records for the sink tests. */
final class StatsFixtures {

  private StatsFixtures() {}

  static RollingStats stats(
      String hostId, String metric, Map<String, String> labels, long startMillis, long count) {
    double mean = count == 0 ? Double.NaN : 1000.0 + count;
    return RollingStats.newBuilder()
        .setHostId(hostId)
        .setCluster("eu-west")
        .setMetric(metric)
        .setLabels(labels)
        .setWindowStartMillis(Instant.ofEpochMilli(startMillis))
        .setWindowEndMillis(Instant.ofEpochMilli(startMillis + 1000))
        .setWindowSizeMillis(1000)
        .setCount(count)
        .setSum(count == 0 ? 0.0 : mean * count)
        .setMean(mean)
        .setMin(count == 0 ? Double.NaN : 500.0)
        .setMax(count == 0 ? Double.NaN : 4000.5)
        .setStddev(count == 0 ? Double.NaN : 12.25)
        .setRatePerSecond(count)
        .setP50(count == 0 ? Double.NaN : 990.0)
        .setP95(count == 0 ? Double.NaN : 2500.0)
        .setP99(count == 0 ? Double.NaN : 3900.0)
        .setP999(count == 0 ? Double.NaN : 4000.0)
        .setSketch(
            QuantileSketch.newBuilder()
                .setRelativeAccuracy(0.01)
                .setZeroCount(0)
                .setIndexOffset(0)
                .setCounts(List.of())
                .build())
        .setHostCount(hostId == null ? 3 : 1)
        .setFinalResult(true)
        .build();
  }
}
