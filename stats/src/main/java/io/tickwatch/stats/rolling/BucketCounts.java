package io.tickwatch.stats.rolling;

import io.tickwatch.stats.sketch.LogBucketMapping;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.Arrays;

/**
 * The bucket half of a {@link LogBucketSketch} (zero count plus contiguous bucket counts) without
 * the sketch's own count, min, max and sum, which {@link Moments} already keeps. Used inside state
 * store values because decoding it is a plain array read: {@link LogBucketSketch#fromBuckets}
 * evaluates {@code exp()} per bucket, which costs more than the rest of a store update.
 *
 * <p>Mutable and not thread-safe.
 */
public final class BucketCounts {
  private static final long[] EMPTY = new long[0];

  private final LogBucketMapping mapping;
  private long zeroCount;

  /** Bucket index of {@code counts[0]}. */
  private int offset;

  private long[] counts = EMPTY;

  /** Creates empty counts with the given mapping. */
  public BucketCounts(LogBucketMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * Rebuilds counts from a bucket encoding (the layout of the Avro {@code QuantileSketch}).
   *
   * @param counts bucket counts starting at bucket {@code indexOffset}; kept, not copied
   */
  public static BucketCounts of(
      LogBucketMapping mapping, long zeroCount, int indexOffset, long[] counts) {
    BucketCounts buckets = new BucketCounts(mapping);
    buckets.zeroCount = zeroCount;
    buckets.offset = indexOffset;
    buckets.counts = counts;
    return buckets;
  }

  /** The mapping (relative accuracy) of the buckets. */
  public LogBucketMapping mapping() {
    return mapping;
  }

  /** Counts {@code times} occurrences of a finite value. */
  public void add(double value, long times) {
    if (mapping.isIndexable(value)) {
      addToBucket(mapping.index(value), times);
    } else {
      zeroCount += times;
    }
  }

  /** Adds {@code times} to the zero count. */
  public void addZeros(long times) {
    zeroCount += times;
  }

  /** Adds {@code times} to bucket {@code index}. */
  public void addToBucket(int index, long times) {
    if (times == 0) {
      return;
    }
    ensureCapacity(index);
    counts[index - offset] += times;
  }

  /**
   * Adds bucket counts that use {@code sourceMapping}: bucket by bucket when the mappings are
   * equal, else by re-bucketing each source bucket's representative value (the error bounds then
   * add).
   */
  public void addBuckets(
      LogBucketMapping sourceMapping, long sourceZeroCount, int sourceOffset, long[] source) {
    zeroCount += sourceZeroCount;
    boolean same = sourceMapping.equals(mapping);
    for (int k = 0; k < source.length; k++) {
      long c = source[k];
      if (c != 0) {
        int index = sourceOffset + k;
        if (same) {
          addToBucket(index, c);
        } else {
          add(sourceMapping.value(index), c);
        }
      }
    }
  }

  /** Adds every count of {@code other} (which must use an equal mapping). */
  public void merge(BucketCounts other) {
    addBuckets(other.mapping, other.zeroCount, other.offset, other.counts);
  }

  /** Number of values {@code <= 0} or too small to index. */
  public long zeroCount() {
    return zeroCount;
  }

  /** The backing array (may hold empty buckets at both ends); for the codec, do not modify. */
  long[] rawCounts() {
    return counts;
  }

  /** Bucket index of {@code rawCounts()[0]}. */
  int rawOffset() {
    return offset;
  }

  /** Bucket index of the first element of {@link #trimmedCounts()}. */
  public int trimmedOffset() {
    int low = firstNonZero();
    return low < 0 ? 0 : offset + low;
  }

  /** Bucket counts from the lowest to the highest non-empty bucket (a copy). */
  public long[] trimmedCounts() {
    int low = firstNonZero();
    if (low < 0) {
      return EMPTY;
    }
    int high = counts.length - 1;
    while (counts[high] == 0) {
      high--;
    }
    return Arrays.copyOfRange(counts, low, high + 1);
  }

  /**
   * Sum of squared deviations from {@code mean} estimated from the bucket representatives (zeros at
   * 0): used for series whose exact second moment is unknown (latency digests).
   */
  public double estimatedM2(double mean) {
    double m2 = zeroCount * mean * mean;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] != 0) {
        double d = mapping.value(offset + k) - mean;
        m2 += counts[k] * d * d;
      }
    }
    return m2;
  }

  /** A sketch of these buckets with the exact min, max and sum of the same values. */
  public LogBucketSketch toSketch(double min, double max, double sum) {
    return LogBucketSketch.fromBuckets(
        mapping.relativeAccuracy(), zeroCount, offset, counts, min, max, sum);
  }

  /** A deep copy. */
  public BucketCounts copy() {
    return of(mapping, zeroCount, offset, counts.clone());
  }

  private int firstNonZero() {
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] != 0) {
        return k;
      }
    }
    return -1;
  }

  private void ensureCapacity(int index) {
    if (counts.length > 0 && index >= offset && index < offset + counts.length) {
      return;
    }
    if (counts.length == 0) {
      counts = new long[8];
      offset = index - 4;
      return;
    }
    int newLow = Math.min(offset, index);
    int newHigh = Math.max(offset + counts.length - 1, index);
    int span = newHigh - newLow + 1;
    int slack = Math.max(8, span / 4);
    int allocLow = index < offset ? newLow - slack : newLow;
    long[] grown = new long[span + slack];
    System.arraycopy(counts, 0, grown, offset - allocLow, counts.length);
    counts = grown;
    offset = allocLow;
  }
}
