package io.tickwatch.streams.app;

import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.stats.rolling.SeriesId;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes final per-host window statistics directly from sample batches, independently of the
 * topology: plain loops over the slots, a fresh {@link LogBucketSketch} per window.
 */
final class StatsOracle {

  /** The statistics the topology must emit for one host series and window. */
  record Expected(
      long count, double sum, double min, double max, double mean, double stddev, double[] pcts) {}

  private StatsOracle() {}

  /** Key of a record: {@code <host>/<series>|<windowSizeMillis>|<windowStartMillis>}. */
  static String key(String seriesKey, long sizeMillis, long startMillis) {
    return seriesKey + "|" + sizeMillis + "|" + startMillis;
  }

  static String key(RollingStats stats) {
    return key(
        SeriesId.of(stats.getMetric(), stats.getLabels()).key(stats.getHostId()),
        stats.getWindowSizeMillis(),
        stats.getWindowStartMillis().toEpochMilli());
  }

  /**
   * Expected statistics of every host series and window of the given sizes whose start lies in
   * {@code [fromMillis, toMillis)}.
   */
  static Map<String, Expected> expected(
      List<SampleBatch> batches,
      List<Duration> sizes,
      double relativeAccuracy,
      long fromMillis,
      long toMillis) {
    Map<String, List<Double>> values = new TreeMap<>();
    for (SampleBatch batch : batches) {
      if (!batch.getLatencies().isEmpty()) {
        throw new IllegalArgumentException("the oracle covers fixed-rate series only");
      }
      long start = batch.getStartTimeMillis().toEpochMilli();
      long stepMicros = batch.getSampleIntervalMicros();
      for (MetricSeries series : batch.getSeries()) {
        String seriesKey = SeriesId.of(series.getName(), series.getLabels()).key(batch.getHostId());
        for (int k = 0; k < batch.getSampleCount(); k++) {
          double value = series.getValues().get(k);
          long t = start + k * stepMicros / 1000;
          if (Double.isNaN(value)) {
            continue;
          }
          for (Duration size : sizes) {
            long sizeMillis = size.toMillis();
            long windowStart = Math.floorDiv(t, sizeMillis) * sizeMillis;
            if (windowStart >= fromMillis && windowStart < toMillis) {
              values
                  .computeIfAbsent(key(seriesKey, sizeMillis, windowStart), x -> new ArrayList<>())
                  .add(value);
            }
          }
        }
      }
    }
    Map<String, Expected> expected = new TreeMap<>();
    values.forEach((key, list) -> expected.put(key, of(list, relativeAccuracy)));
    return expected;
  }

  private static Expected of(List<Double> values, double relativeAccuracy) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    LogBucketSketch sketch = new LogBucketSketch(relativeAccuracy);
    for (double v : values) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      sketch.add(v);
    }
    double mean = sum / values.size();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    sketch.setExactStatistics(min, max, sum);
    double[] pcts = {
      sketch.quantile(0.5), sketch.quantile(0.95), sketch.quantile(0.99), sketch.quantile(0.999)
    };
    return new Expected(
        values.size(), sum, min, max, mean, Math.sqrt(squares / values.size()), pcts);
  }
}
