package io.tickwatch.streams.ab;

import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesKind;
import io.tickwatch.stats.sketch.LogBucketMapping;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mergeable sufficient statistics of one variant of one experiment over some time span: per metric
 * a {@link SeriesAggregate} (moments plus log buckets, i.e. the data of a {@code LogBucketSketch}),
 * the number of failed units of work and the number of distinct units. Mutable, not thread-safe;
 * {@link #merge} of two partial aggregates equals aggregating all their input.
 */
final class VariantAggregate {

  private final TreeMap<String, SeriesAggregate> metrics = new TreeMap<>();
  private long errors;
  private long units;

  /** The aggregate of a metric, created empty on first use. */
  SeriesAggregate metric(String name, LogBucketMapping mapping) {
    return metrics.computeIfAbsent(name, n -> SeriesAggregate.empty(SeriesKind.LATENCY, mapping));
  }

  /** Metric aggregates by name (live view). */
  Map<String, SeriesAggregate> metrics() {
    return metrics;
  }

  long errors() {
    return errors;
  }

  long units() {
    return units;
  }

  void addErrors(long count) {
    errors += count;
  }

  void addUnits(long count) {
    units += count;
  }

  /** Adds everything of {@code other}; {@code other} is not changed. */
  void merge(VariantAggregate other) {
    errors += other.errors;
    units += other.units;
    other.metrics.forEach(
        (name, aggregate) ->
            metrics.merge(
                name,
                aggregate.copy(),
                (a, b) -> {
                  a.merge(b);
                  return a;
                }));
  }

  /** Restores the counts (codec). */
  void setCounts(long errors, long units) {
    this.errors = errors;
    this.units = units;
  }
}
