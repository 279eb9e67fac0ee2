package io.tickwatch.stats.sketch;

/**
 * The logarithmic bucket mapping of a DDSketch with relative accuracy {@code alpha}: bucket {@code
 * i} covers {@code (gamma^(i-1), gamma^i]} with {@code gamma = (1 + alpha) / (1 - alpha)}.
 * Immutable and thread-safe.
 */
public final class LogBucketMapping {

  /** The default relative accuracy, 1 %. */
  public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

  /** The smallest supported relative accuracy; keeps every bucket index inside {@code int}. */
  public static final double MIN_RELATIVE_ACCURACY = 1e-6;

  private final double relativeAccuracy;
  private final double gamma;
  private final double logGamma;
  private final double minIndexableValue;

  /**
   * Creates the mapping.
   *
   * @param relativeAccuracy alpha, in {@code [1e-6, 1)}
   */
  public LogBucketMapping(double relativeAccuracy) {
    if (!(relativeAccuracy >= MIN_RELATIVE_ACCURACY && relativeAccuracy < 1)) {
      throw new IllegalArgumentException(
          "relativeAccuracy must be in [1e-6, 1), was " + relativeAccuracy);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(gamma);
    // subnormal values lose precision in log(); alpha >= 1e-6 keeps every index inside int range
    this.minIndexableValue = Double.MIN_NORMAL * gamma;
  }

  /** The relative accuracy alpha. */
  public double relativeAccuracy() {
    return relativeAccuracy;
  }

  /** {@code gamma = (1 + alpha) / (1 - alpha)}. */
  public double gamma() {
    return gamma;
  }

  /** The smallest value that gets a bucket; smaller values (and values {@code <= 0}) are zeros. */
  public double minIndexableValue() {
    return minIndexableValue;
  }

  /** Whether {@code value} is counted in a bucket rather than in the zero count. */
  public boolean isIndexable(double value) {
    return value >= minIndexableValue;
  }

  /**
   * The bucket index {@code ceil(log(value) / log(gamma))} of an indexable value.
   *
   * @param value a value with {@link #isIndexable(double)} true, finite
   */
  public int index(double value) {
    return (int) Math.ceil(Math.log(value) / logGamma);
  }

  /** The exclusive lower bound {@code gamma^(index-1)} of a bucket. */
  public double lowerBound(int index) {
    return Math.exp((index - 1) * logGamma);
  }

  /** The inclusive upper bound {@code gamma^index} of a bucket. */
  public double upperBound(int index) {
    return Math.exp(index * logGamma);
  }

  /**
   * The value that represents a bucket, {@code 2 gamma^index / (gamma + 1)}: every value in the
   * bucket is within relative error alpha of it.
   */
  public double value(int index) {
    return 2 * upperBound(index) / (gamma + 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogBucketMapping m
        && Double.compare(m.relativeAccuracy, relativeAccuracy) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(relativeAccuracy);
  }

  @Override
  public String toString() {
    return "LogBucketMapping[alpha=" + relativeAccuracy + "]";
  }
}
