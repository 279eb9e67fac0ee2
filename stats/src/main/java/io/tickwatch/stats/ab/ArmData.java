package io.tickwatch.stats.ab;

import io.tickwatch.stats.rolling.Moments;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.Optional;

/**
 * The sufficient statistics of one variant on one metric since the experiment started: moments (n,
 * mean, M2), a {@link LogBucketSketch} of the same values, the error count and the number of
 * distinct assignment units, and optionally the raw values.
 *
 * <p>Immutable as far as this class goes: the moments are copied, the sketch is not (a deep copy of
 * a large sketch per evaluation would be wasteful), so callers must not change the sketch while an
 * analysis runs. Thread-safe if the sketch is not mutated.
 */
public final class ArmData {

  private final String variant;
  private final String metric;
  private final Moments moments;
  private final LogBucketSketch sketch;
  private final long errorCount;
  private final long units;
  private final double[] rawSamples;

  private ArmData(
      String variant,
      String metric,
      Moments moments,
      LogBucketSketch sketch,
      long errorCount,
      long units,
      double[] rawSamples) {
    if (variant == null || metric == null || moments == null || sketch == null) {
      throw new IllegalArgumentException("variant, metric, moments and sketch are required");
    }
    if (errorCount < 0 || units < 0) {
      throw new IllegalArgumentException("errorCount and units must be >= 0");
    }
    this.variant = variant;
    this.metric = metric;
    this.moments = moments.copy();
    this.sketch = sketch;
    this.errorCount = errorCount;
    this.units = units;
    this.rawSamples = rawSamples;
  }

  /**
   * Arm data from streaming aggregates.
   *
   * @param moments count, mean and M2 of the values (copied)
   * @param sketch sketch of the same values (not copied; same relative accuracy in every arm)
   * @param errorCount units of work that failed (not part of the values)
   * @param units distinct assignment units observed in this arm (0 when unknown)
   */
  public static ArmData of(
      String variant,
      String metric,
      Moments moments,
      LogBucketSketch sketch,
      long errorCount,
      long units) {
    return new ArmData(variant, metric, moments, sketch, errorCount, units, null);
  }

  /**
   * Arm data from raw values: moments and a sketch with the default accuracy are computed, and the
   * values are kept so the Mann-Whitney test runs on them exactly.
   */
  public static ArmData ofSamples(
      String variant, String metric, double[] values, long errorCount, long units) {
    Moments moments = new Moments();
    LogBucketSketch sketch = LogBucketSketch.withDefaultAccuracy();
    for (double v : values) {
      moments.add(v);
      sketch.add(v);
    }
    return new ArmData(variant, metric, moments, sketch, errorCount, units, values.clone());
  }

  /** A copy of this arm that also carries the raw values (for an exact Mann-Whitney test). */
  public ArmData withRawSamples(double[] values) {
    return new ArmData(variant, metric, moments, sketch, errorCount, units, values.clone());
  }

  /** Variant name. */
  public String variant() {
    return variant;
  }

  /** Metric name. */
  public String metric() {
    return metric;
  }

  /** Number of observations. */
  public long n() {
    return moments.count();
  }

  /** Mean of the observations, NaN when empty. */
  public double mean() {
    return moments.mean();
  }

  /** Sample variance ({@code M2 / (n - 1)}), NaN when {@code n < 2}. */
  public double sampleVariance() {
    return n() < 2 ? Double.NaN : moments.m2() / (n() - 1);
  }

  /** A copy of the moments. */
  public Moments moments() {
    return moments.copy();
  }

  /** The sketch of the values (shared, do not mutate). */
  public LogBucketSketch sketch() {
    return sketch;
  }

  /** Units of work that failed. */
  public long errorCount() {
    return errorCount;
  }

  /** Distinct assignment units observed (0 when unknown). */
  public long units() {
    return units;
  }

  /** The raw values, when the caller kept them (a copy). */
  public Optional<double[]> rawSamples() {
    return rawSamples == null ? Optional.empty() : Optional.of(rawSamples.clone());
  }

  /** Whether raw values are present. */
  public boolean hasRawSamples() {
    return rawSamples != null;
  }

  double[] rawSamplesUnsafe() {
    return rawSamples;
  }

  @Override
  public String toString() {
    return "ArmData[variant="
        + variant
        + ", metric="
        + metric
        + ", n="
        + n()
        + ", mean="
        + mean()
        + ", errors="
        + errorCount
        + ", units="
        + units
        + ", raw="
        + (rawSamples == null ? "none" : String.valueOf(rawSamples.length))
        + "]";
  }
}
