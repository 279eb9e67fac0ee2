package io.tickwatch.stats.ab;

import io.tickwatch.stats.sketch.LogBucketSketch;

/**
 * Order statistics of a {@link LogBucketSketch} by 0-based rank, with the same conventions as
 * {@link LogBucketSketch#quantile(double)}: rank 0 is the exact minimum, rank {@code n - 1} the
 * exact maximum, other ranks the representative value of their bucket clamped to {@code [min,
 * max]}.
 */
final class RankedSketch {

  private final LogBucketSketch sketch;
  private final long[] counts;
  private final int offset;

  RankedSketch(LogBucketSketch sketch) {
    this.sketch = sketch;
    this.counts = sketch.bucketCounts();
    this.offset = sketch.indexOffset();
  }

  long count() {
    return sketch.count();
  }

  double relativeAccuracy() {
    return sketch.relativeAccuracy();
  }

  /** The value of 0-based rank {@code rank} (clamped to {@code [0, n - 1]}); NaN when empty. */
  double valueAt(long rank) {
    long n = sketch.count();
    if (n == 0) {
      return Double.NaN;
    }
    long r = Math.max(0, Math.min(n - 1, rank));
    if (r == 0) {
      return sketch.min();
    }
    if (r == n - 1) {
      return sketch.max();
    }
    if (r < sketch.zeroCount()) {
      return Math.max(sketch.min(), Math.min(0.0, sketch.max()));
    }
    long seen = sketch.zeroCount();
    for (int k = 0; k < counts.length; k++) {
      seen += counts[k];
      if (seen > r) {
        double v = sketch.mapping().value(offset + k);
        return Math.max(sketch.min(), Math.min(sketch.max(), v));
      }
    }
    return sketch.max();
  }
}
