package io.tickwatch.stats.sketch;

import java.util.Arrays;

/**
 * A DDSketch-style quantile sketch: counts in logarithmic buckets (see {@link LogBucketMapping})
 * plus exact count, min, max and sum. Quantile estimates are within relative error alpha of the
 * true quantile; merging two sketches equals sketching the union of their inputs.
 *
 * <p>Not thread-safe. Memory grows with the dynamic range of the input (one {@code long} per bucket
 * between the smallest and the largest value), never with the number of values.
 */
public final class LogBucketSketch {

  private static final long[] EMPTY = new long[0];

  private final LogBucketMapping mapping;
  private long zeroCount;
  private long[] counts = EMPTY;

  /** Bucket index of {@code counts[0]}. */
  private int offset;

  /** Lowest and highest non-empty bucket index; {@code lowIndex > highIndex} when none. */
  private int lowIndex = Integer.MAX_VALUE;

  private int highIndex = Integer.MIN_VALUE;
  private long count;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private double sum;

  /** Creates an empty sketch with relative accuracy {@code relativeAccuracy}. */
  public LogBucketSketch(double relativeAccuracy) {
    this(new LogBucketMapping(relativeAccuracy));
  }

  /** Creates an empty sketch with the given mapping. */
  public LogBucketSketch(LogBucketMapping mapping) {
    this.mapping = mapping;
  }

  /** Creates an empty sketch with the default relative accuracy of 1 %. */
  public static LogBucketSketch withDefaultAccuracy() {
    return new LogBucketSketch(LogBucketMapping.DEFAULT_RELATIVE_ACCURACY);
  }

  /**
   * Rebuilds a sketch from its bucket encoding (the fields of the Avro {@code QuantileSketch}) plus
   * the exact count-independent statistics kept next to it.
   *
   * @param min smallest value, or NaN to estimate it from the lowest bucket
   * @param max largest value, or NaN to estimate it from the highest bucket
   * @param sum sum of the values, or NaN to estimate it from the bucket representatives
   */
  public static LogBucketSketch fromBuckets(
      double relativeAccuracy,
      long zeroCount,
      int indexOffset,
      long[] bucketCounts,
      double min,
      double max,
      double sum) {
    LogBucketSketch sketch = new LogBucketSketch(relativeAccuracy);
    if (zeroCount < 0) {
      throw new IllegalArgumentException("zeroCount < 0");
    }
    sketch.zeroCount = zeroCount;
    sketch.count = zeroCount;
    double estimatedSum = 0;
    for (int k = 0; k < bucketCounts.length; k++) {
      long c = bucketCounts[k];
      if (c < 0) {
        throw new IllegalArgumentException("negative bucket count at " + k);
      }
      if (c > 0) {
        int index = Math.addExact(indexOffset, k);
        sketch.addToBucket(index, c);
        sketch.count += c;
        estimatedSum += c * sketch.mapping.value(index);
      }
    }
    if (sketch.count > 0) {
      sketch.min = Double.isNaN(min) ? sketch.estimatedMin() : min;
      sketch.max = Double.isNaN(max) ? sketch.estimatedMax() : max;
      sketch.sum = Double.isNaN(sum) ? estimatedSum : sum;
    }
    return sketch;
  }

  /** The bucket mapping (and relative accuracy) of this sketch. */
  public LogBucketMapping mapping() {
    return mapping;
  }

  /** The relative accuracy alpha. */
  public double relativeAccuracy() {
    return mapping.relativeAccuracy();
  }

  /** Adds one value. NaN is ignored; values {@code <= 0} or too small to index count as zeros. */
  public void add(double value) {
    add(value, 1);
  }

  /** Adds {@code times} occurrences of a value ({@code times >= 0}). */
  public void add(double value, long times) {
    if (times < 0) {
      throw new IllegalArgumentException("times < 0");
    }
    if (times == 0 || Double.isNaN(value)) {
      return;
    }
    if (mapping.isIndexable(value)) {
      addToBucket(mapping.index(value), times);
    } else {
      zeroCount += times;
    }
    count += times;
    sum += value * times;
    min = count == times ? value : Math.min(min, value);
    max = count == times ? value : Math.max(max, value);
  }

  /**
   * Adds {@code times} values to bucket {@code index} directly, for callers that computed the index
   * themselves; count and sum use the bucket's representative value, min and max its bounds.
   */
  public void addToBucketIndex(int index, long times) {
    if (times <= 0) {
      return;
    }
    addToBucket(index, times);
    double representative = mapping.value(index);
    boolean first = count == 0;
    count += times;
    sum += representative * times;
    min = first ? representative : Math.min(min, representative);
    max = first ? representative : Math.max(max, representative);
  }

  /** Overrides the exact statistics after {@link #addToBucketIndex} (for example known min/max). */
  public void setExactStatistics(double exactMin, double exactMax, double exactSum) {
    if (count > 0) {
      this.min = exactMin;
      this.max = exactMax;
      this.sum = exactSum;
    }
  }

  /**
   * Adds every value of {@code other} into this sketch.
   *
   * @throws IllegalArgumentException when the relative accuracies differ
   */
  public void merge(LogBucketSketch other) {
    if (!mapping.equals(other.mapping)) {
      throw new IllegalArgumentException(
          "cannot merge sketches with different accuracy: " + mapping + " vs " + other.mapping);
    }
    if (other.count == 0) {
      return;
    }
    for (int i = other.lowIndex; i <= other.highIndex; i++) {
      long c = other.counts[i - other.offset];
      if (c > 0) {
        addToBucket(i, c);
      }
    }
    zeroCount += other.zeroCount;
    min = count == 0 ? other.min : Math.min(min, other.min);
    max = count == 0 ? other.max : Math.max(max, other.max);
    count += other.count;
    sum += other.sum;
  }

  /**
   * Estimates the {@code q}-quantile: the value of rank {@code floor(q * (count - 1))} in sorted
   * order, within relative error alpha.
   *
   * @param q in {@code [0, 1]}
   * @return the estimate, NaN when the sketch is empty
   */
  public double quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in [0, 1], was " + q);
    }
    if (count == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.floor(q * (count - 1));
    if (rank == 0) {
      return min;
    }
    if (rank == count - 1) {
      return max;
    }
    if (rank < zeroCount) {
      return Math.max(min, Math.min(0.0, max));
    }
    long seen = zeroCount;
    for (int i = lowIndex; i <= highIndex; i++) {
      seen += counts[i - offset];
      if (seen > rank) {
        return Math.max(min, Math.min(max, mapping.value(i)));
      }
    }
    return max;
  }

  /** Number of values added. */
  public long count() {
    return count;
  }

  /** Smallest value added, NaN when empty. */
  public double min() {
    return min;
  }

  /** Largest value added, NaN when empty. */
  public double max() {
    return max;
  }

  /** Sum of the values added. */
  public double sum() {
    return sum;
  }

  /** Number of values {@code <= 0} or too small to index. */
  public long zeroCount() {
    return zeroCount;
  }

  /** Bucket index of the first element of {@link #bucketCounts()} (0 when there are no buckets). */
  public int indexOffset() {
    return lowIndex > highIndex ? 0 : lowIndex;
  }

  /** Contiguous bucket counts from the lowest to the highest non-empty bucket (a copy). */
  public long[] bucketCounts() {
    if (lowIndex > highIndex) {
      return new long[0];
    }
    return Arrays.copyOfRange(counts, lowIndex - offset, highIndex - offset + 1);
  }

  /** Whether no value was added. */
  public boolean isEmpty() {
    return count == 0;
  }

  private double estimatedMin() {
    if (zeroCount > 0) {
      return 0.0;
    }
    return mapping.value(lowIndex);
  }

  private double estimatedMax() {
    if (lowIndex > highIndex) {
      return 0.0;
    }
    return mapping.value(highIndex);
  }

  private void addToBucket(int index, long times) {
    ensureCapacity(index);
    counts[index - offset] += times;
    if (index < lowIndex) {
      lowIndex = index;
    }
    if (index > highIndex) {
      highIndex = index;
    }
  }

  private void ensureCapacity(int index) {
    if (counts.length > 0 && index >= offset && index < offset + counts.length) {
      return;
    }
    int newLow = counts.length == 0 ? index : Math.min(offset, index);
    int newHigh = counts.length == 0 ? index : Math.max(offset + counts.length - 1, index);
    int span = newHigh - newLow + 1;
    int slack = Math.max(16, span / 2);
    int allocLow = (int) Math.max(Integer.MIN_VALUE, (long) newLow - slack / 2);
    long[] grown = new long[span + slack];
    if (counts.length > 0) {
      System.arraycopy(counts, 0, grown, offset - allocLow, counts.length);
    }
    counts = grown;
    offset = allocLow;
  }

  @Override
  public String toString() {
    return "LogBucketSketch[alpha="
        + mapping.relativeAccuracy()
        + ", count="
        + count
        + ", min="
        + min
        + ", max="
        + max
        + "]";
  }
}
