package io.tickwatch.streams.stats;

import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers to merge RollingStats records the way a consumer would. */
final class RollingStatsAssertions {
  private RollingStatsAssertions() {}

  /** Bucket index to count (zero bucket under Integer.MIN_VALUE) of one record's sketch. */
  static Map<Integer, Long> bucketTotals(RollingStats stats) {
    return mergedBucketTotals(List.of(stats));
  }

  static Map<Integer, Long> mergedBucketTotals(List<RollingStats> records) {
    Map<Integer, Long> totals = new TreeMap<>();
    for (RollingStats stats : records) {
      QuantileSketch sketch = stats.getSketch();
      if (sketch.getZeroCount() > 0) {
        totals.merge(Integer.MIN_VALUE, sketch.getZeroCount(), Long::sum);
      }
      List<Long> counts = sketch.getCounts();
      for (int k = 0; k < counts.size(); k++) {
        if (counts.get(k) != 0) {
          totals.merge(sketch.getIndexOffset() + k, counts.get(k), Long::sum);
        }
      }
    }
    return totals;
  }

  /** Population stddev of the union of several windows, from count, mean and stddev (Chan). */
  static double mergedStddev(List<RollingStats> records) {
    long n = 0;
    double mean = 0;
    double m2 = 0;
    for (RollingStats s : records) {
      if (s.getCount() == 0) {
        continue;
      }
      long nb = s.getCount();
      double m2b = s.getStddev() * s.getStddev() * nb;
      double delta = s.getMean() - mean;
      long total = n + nb;
      mean += delta * nb / total;
      m2 += m2b + delta * delta * ((double) n * nb / total);
      n = total;
    }
    return n == 0 ? Double.NaN : Math.sqrt(m2 / n);
  }
}
