package io.tickwatch.stats.rolling;

/**
 * Mergeable first and second moments of a stream of finite doubles: count, mean, sum of squared
 * deviations ({@code m2}), min, max and sum. Values are added with Welford's update and two partial
 * results are combined with Chan et al.'s parallel formula, so that {@code merge(a, b)} equals
 * adding every value of {@code a} and {@code b} to one instance (up to floating-point rounding).
 *
 * <p>Mutable and not thread-safe. Callers filter NaN and infinities before {@link #add(double)}.
 */
public final class Moments {
  private long count;
  private double mean;
  private double m2;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private double sum;

  /** An empty instance. */
  public Moments() {}

  /**
   * Rebuilds moments from their parts (as encoded by {@link AggregateCodec}).
   *
   * @param count number of values, {@code >= 0}
   * @param mean mean of the values (ignored when {@code count == 0})
   * @param m2 sum of squared deviations from the mean, {@code >= 0}
   */
  public static Moments of(long count, double mean, double m2, double min, double max, double sum) {
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    Moments moments = new Moments();
    if (count > 0) {
      moments.count = count;
      moments.mean = mean;
      moments.m2 = Math.max(0, m2);
      moments.min = min;
      moments.max = max;
      moments.sum = sum;
    }
    return moments;
  }

  /** Adds one finite value (Welford's update). */
  public void add(double value) {
    count++;
    double delta = value - mean;
    mean += delta / count;
    m2 += delta * (value - mean);
    sum += value;
    if (count == 1) {
      min = value;
      max = value;
    } else {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  /** Adds {@code times} copies of one finite value; same result as that many {@link #add}. */
  public void add(double value, long times) {
    if (times == 1) {
      add(value);
    } else if (times > 1) {
      merge(times, value, 0, value, value, value * times);
    }
  }

  /** Merges every value of {@code other} into this instance; {@code other} is not changed. */
  public void merge(Moments other) {
    merge(other.count, other.mean, other.m2, other.min, other.max, other.sum);
  }

  private void merge(
      long otherCount,
      double otherMean,
      double otherM2,
      double otherMin,
      double otherMax,
      double otherSum) {
    if (otherCount == 0) {
      return;
    }
    if (count == 0) {
      count = otherCount;
      mean = otherMean;
      m2 = otherM2;
      min = otherMin;
      max = otherMax;
      sum = otherSum;
      return;
    }
    long total = count + otherCount;
    double delta = otherMean - mean;
    mean += delta * otherCount / total;
    m2 += otherM2 + delta * delta * ((double) count * otherCount / total);
    count = total;
    sum += otherSum;
    min = Math.min(min, otherMin);
    max = Math.max(max, otherMax);
  }

  /** A copy of this instance. */
  public Moments copy() {
    return of(count, mean, m2, min, max, sum);
  }

  /** Number of values. */
  public long count() {
    return count;
  }

  /** Mean, NaN when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : mean;
  }

  /** Sum of squared deviations from the mean (0 when empty). */
  public double m2() {
    return m2;
  }

  /** Population variance {@code m2 / count}, NaN when empty. */
  public double variance() {
    return count == 0 ? Double.NaN : m2 / count;
  }

  /** Population standard deviation, NaN when empty, 0 for one value. */
  public double stddev() {
    return Math.sqrt(variance());
  }

  /** Smallest value, NaN when empty. */
  public double min() {
    return min;
  }

  /** Largest value, NaN when empty. */
  public double max() {
    return max;
  }

  /** Sum of the values (0 when empty). */
  public double sum() {
    return sum;
  }

  @Override
  public String toString() {
    return "Moments[count="
        + count
        + ", mean="
        + mean()
        + ", m2="
        + m2
        + ", min="
        + min
        + ", max="
        + max
        + ", sum="
        + sum
        + "]";
  }
}
