package io.tickwatch.stats.rolling;

import io.tickwatch.stats.sketch.LogBucketMapping;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.List;

/**
 * The partial aggregate of one series over a window or part of one: exact {@link Moments} plus
 * log-bucket counts for percentiles. Two aggregates of the same series merge exactly (counts, sum,
 * min, max and every bucket; mean and variance up to floating-point rounding).
 *
 * <p>Mutable and not thread-safe. {@link #merge(SeriesAggregate)} never keeps a reference to the
 * argument's state.
 */
public final class SeriesAggregate {
  private final SeriesKind kind;
  private final Moments moments;
  private final BucketCounts buckets;

  /** An aggregate built from its parts (kept, not copied). */
  public SeriesAggregate(SeriesKind kind, Moments moments, BucketCounts buckets) {
    this.kind = kind;
    this.moments = moments;
    this.buckets = buckets;
  }

  /** An empty aggregate. */
  public static SeriesAggregate empty(SeriesKind kind, LogBucketMapping mapping) {
    return new SeriesAggregate(kind, new Moments(), new BucketCounts(mapping));
  }

  /**
   * Adds the fixed-rate sample slots {@code [fromSlot, toSlot)} of {@code values}. NaN marks a slot
   * without a reading and is skipped; infinities are rejected (skipped and counted). Runs of equal
   * values are added at once.
   *
   * @return the number of rejected (infinite) values
   */
  public int addSamples(List<Double> values, int fromSlot, int toSlot) {
    int rejected = 0;
    double run = Double.NaN;
    long runLength = 0;
    for (int k = fromSlot; k < toSlot; k++) {
      double value = values.get(k);
      if (value == run) {
        runLength++;
        continue;
      }
      if (runLength > 0) {
        addSample(run, runLength);
      }
      run = Double.NaN;
      runLength = 0;
      if (Double.isNaN(value)) {
        continue;
      }
      if (Double.isInfinite(value)) {
        rejected++;
        continue;
      }
      run = value;
      runLength = 1;
    }
    if (runLength > 0) {
      addSample(run, runLength);
    }
    return rejected;
  }

  /** Adds {@code times} copies of one finite value. */
  public void addSample(double value, long times) {
    moments.add(value, times);
    buckets.add(value, times);
  }

  /**
   * Adds a latency digest: exact count, sum, min and max, and a sketch in {@code sourceMapping}'s
   * buckets. The second moment is not in the digest, so it is estimated from the bucket
   * representatives around the exact mean.
   *
   * @return false (and nothing added) when the digest is invalid: negative count, non-finite or
   *     negative sum/min/max, min above max, negative bucket counts, or bucket total not equal to
   *     count
   */
  public boolean addDigest(
      long count,
      double sum,
      double min,
      double max,
      LogBucketMapping sourceMapping,
      long zeroCount,
      int indexOffset,
      long[] counts) {
    if (count < 0 || zeroCount < 0) {
      return false;
    }
    if (count == 0) {
      return true;
    }
    if (!(Double.isFinite(sum) && Double.isFinite(min) && Double.isFinite(max))
        || min < 0
        || min > max
        || sum < 0) {
      return false;
    }
    long total = zeroCount;
    for (long c : counts) {
      if (c < 0) {
        return false;
      }
      total += c;
    }
    if (total != count) {
      return false;
    }
    BucketCounts digest = new BucketCounts(buckets.mapping());
    digest.addBuckets(sourceMapping, zeroCount, indexOffset, counts);
    double mean = sum / count;
    moments.merge(Moments.of(count, mean, digest.estimatedM2(mean), min, max, sum));
    buckets.merge(digest);
    return true;
  }

  /** Merges {@code other} (same series) into this aggregate; {@code other} is not changed. */
  public void merge(SeriesAggregate other) {
    moments.merge(other.moments);
    buckets.merge(other.buckets);
  }

  /** A deep copy. */
  public SeriesAggregate copy() {
    return new SeriesAggregate(kind, moments.copy(), buckets.copy());
  }

  /** How the series was observed. */
  public SeriesKind kind() {
    return kind;
  }

  /** The exact moments (live view, do not modify). */
  public Moments moments() {
    return moments;
  }

  /** The bucket counts (live view, do not modify). */
  public BucketCounts buckets() {
    return buckets;
  }

  /** A sketch of every observation, with the exact count, min, max and sum. */
  public LogBucketSketch sketch() {
    return buckets.toSketch(moments.min(), moments.max(), moments.sum());
  }

  /** The statistics of this aggregate over a window of {@code windowSizeMillis}. */
  public RollingSummary summary(long windowSizeMillis) {
    long count = moments.count();
    double sum = moments.sum();
    double rate = (kind == SeriesKind.LATENCY ? (double) count : sum) * 1000.0 / windowSizeMillis;
    if (count == 0) {
      double nan = Double.NaN;
      return new RollingSummary(0, 0.0, nan, nan, nan, nan, 0.0, nan, nan, nan, nan);
    }
    LogBucketSketch sketch = sketch();
    return new RollingSummary(
        count,
        sum,
        moments.mean(),
        moments.min(),
        moments.max(),
        moments.stddev(),
        rate,
        sketch.quantile(0.5),
        sketch.quantile(0.95),
        sketch.quantile(0.99),
        sketch.quantile(0.999));
  }
}
