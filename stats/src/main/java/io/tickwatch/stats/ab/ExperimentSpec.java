package io.tickwatch.stats.ab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to analyse: the variants with their intended traffic shares, the control, the metrics (the
 * first is primary), the direction of improvement and the statistical settings. Immutable; build it
 * with {@link #builder(String, List)} or {@link #of(List, String, List)}.
 *
 * @param variants two or more variants whose shares sum to 1 (within 1e-6)
 * @param controlVariant name of the variant every other variant is compared with
 * @param metrics metric names, at least one; the first is the primary metric
 * @param lowerIsBetter direction of improvement of every metric (latency, cost: true)
 * @param alpha family-wise significance level across all comparisons (Holm), in {@code (0, 1)}
 * @param srmThreshold the sample-ratio-mismatch p-value below which the result is INVALID
 * @param confidenceLevel level of every confidence interval, in {@code (0, 1)}
 * @param mixtureEffectSize mSPRT mixing standard deviation tau as a standardised effect (Cohen's d
 *     scale): the prior {@code N(0, tau^2)} on the mean difference uses {@code tau =
 *     mixtureEffectSize * pooled standard deviation}; the test is most sensitive around effects of
 *     this size. {@code > 0}
 * @param quantiles quantiles whose differences get confidence intervals, each in {@code (0, 1)}
 * @param minSamplesPerArm below this many observations in an arm a comparison is INVALID and the
 *     sequential test does not look yet; {@code >= 2}
 */
public record ExperimentSpec(
    List<VariantShare> variants,
    String controlVariant,
    List<String> metrics,
    boolean lowerIsBetter,
    double alpha,
    double srmThreshold,
    double confidenceLevel,
    double mixtureEffectSize,
    List<Double> quantiles,
    long minSamplesPerArm) {

  /** Default family-wise significance level. */
  public static final double DEFAULT_ALPHA = 0.05;

  /** Default SRM threshold: p below 0.001 marks the result INVALID. */
  public static final double DEFAULT_SRM_THRESHOLD = 0.001;

  /** Default confidence level of intervals. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  /** Default mSPRT mixing effect size (0.1 standard deviations). */
  public static final double DEFAULT_MIXTURE_EFFECT_SIZE = 0.1;

  /** Default minimum number of observations per arm. */
  public static final long DEFAULT_MIN_SAMPLES_PER_ARM = 30;

  /** Default quantiles compared: p95 and p99. */
  public static final List<Double> DEFAULT_QUANTILES = List.of(0.95, 0.99);

  /** Validates and copies the components. */
  public ExperimentSpec {
    variants = List.copyOf(variants);
    metrics = List.copyOf(metrics);
    quantiles = List.copyOf(quantiles);
    List<String> errors = new ArrayList<>();
    if (variants.size() < 2) {
      errors.add("at least two variants are needed, got " + variants.size());
    }
    Set<String> names = new HashSet<>();
    double shares = 0;
    for (VariantShare v : variants) {
      if (!names.add(v.name())) {
        errors.add("duplicate variant " + v.name());
      }
      shares += v.trafficShare();
    }
    if (Math.abs(shares - 1) > 1e-6) {
      errors.add("traffic shares must sum to 1, sum to " + shares);
    }
    if (!names.contains(controlVariant)) {
      errors.add("control variant " + controlVariant + " is not one of " + names);
    }
    if (metrics.isEmpty()) {
      errors.add("at least one metric is needed");
    }
    if (metrics.size() != new HashSet<>(metrics).size()) {
      errors.add("duplicate metric in " + metrics);
    }
    if (!(alpha > 0 && alpha < 1)) {
      errors.add("alpha must be in (0, 1), was " + alpha);
    }
    if (!(srmThreshold >= 0 && srmThreshold < 1)) {
      errors.add("srmThreshold must be in [0, 1), was " + srmThreshold);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      errors.add("confidenceLevel must be in (0, 1), was " + confidenceLevel);
    }
    if (!(mixtureEffectSize > 0 && Double.isFinite(mixtureEffectSize))) {
      errors.add("mixtureEffectSize must be > 0, was " + mixtureEffectSize);
    }
    for (double q : quantiles) {
      if (!(q > 0 && q < 1)) {
        errors.add("quantile must be in (0, 1), was " + q);
      }
    }
    if (minSamplesPerArm < 2) {
      errors.add("minSamplesPerArm must be >= 2, was " + minSamplesPerArm);
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid experiment spec: " + String.join("; ", errors));
    }
  }

  /** A spec with every setting at its default. */
  public static ExperimentSpec of(
      List<VariantShare> variants, String controlVariant, List<String> metrics) {
    return builder(controlVariant, variants).metrics(metrics).build();
  }

  /** A builder with the defaults; set at least the metrics. */
  public static Builder builder(String controlVariant, List<VariantShare> variants) {
    return new Builder(controlVariant, variants);
  }

  /** The primary metric (the first). */
  public String primaryMetric() {
    return metrics.get(0);
  }

  /** The intended share of {@code variant}, or NaN when unknown. */
  public double shareOf(String variant) {
    for (VariantShare v : variants) {
      if (v.name().equals(variant)) {
        return v.trafficShare();
      }
    }
    return Double.NaN;
  }

  /** The treatment variants (all but the control), in spec order. */
  public List<String> treatmentVariants() {
    List<String> treatments = new ArrayList<>();
    for (VariantShare v : variants) {
      if (!v.name().equals(controlVariant)) {
        treatments.add(v.name());
      }
    }
    return treatments;
  }

  /** Mutable builder of {@link ExperimentSpec}; not thread-safe. */
  public static final class Builder {
    private final String controlVariant;
    private final List<VariantShare> variants;
    private List<String> metrics = List.of();
    private boolean lowerIsBetter = true;
    private double alpha = DEFAULT_ALPHA;
    private double srmThreshold = DEFAULT_SRM_THRESHOLD;
    private double confidenceLevel = DEFAULT_CONFIDENCE_LEVEL;
    private double mixtureEffectSize = DEFAULT_MIXTURE_EFFECT_SIZE;
    private List<Double> quantiles = DEFAULT_QUANTILES;
    private long minSamplesPerArm = DEFAULT_MIN_SAMPLES_PER_ARM;

    private Builder(String controlVariant, List<VariantShare> variants) {
      this.controlVariant = controlVariant;
      this.variants = List.copyOf(variants);
    }

    /** Metric names; the first is primary. */
    public Builder metrics(List<String> value) {
      this.metrics = value;
      return this;
    }

    /** Direction of improvement (default true). */
    public Builder lowerIsBetter(boolean value) {
      this.lowerIsBetter = value;
      return this;
    }

    /** Family-wise significance level (default 0.05). */
    public Builder alpha(double value) {
      this.alpha = value;
      return this;
    }

    /** SRM threshold (default 0.001). */
    public Builder srmThreshold(double value) {
      this.srmThreshold = value;
      return this;
    }

    /** Confidence level of the intervals (default 0.95). */
    public Builder confidenceLevel(double value) {
      this.confidenceLevel = value;
      return this;
    }

    /** mSPRT mixing effect size in standard deviations (default 0.1). */
    public Builder mixtureEffectSize(double value) {
      this.mixtureEffectSize = value;
      return this;
    }

    /** Quantiles compared (default 0.95 and 0.99). */
    public Builder quantiles(List<Double> value) {
      this.quantiles = value;
      return this;
    }

    /** Minimum observations per arm before comparing (default 30). */
    public Builder minSamplesPerArm(long value) {
      this.minSamplesPerArm = value;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @throws IllegalArgumentException listing every invalid setting
     */
    public ExperimentSpec build() {
      return new ExperimentSpec(
          variants,
          controlVariant,
          metrics,
          lowerIsBetter,
          alpha,
          srmThreshold,
          confidenceLevel,
          mixtureEffectSize,
          quantiles,
          minSamplesPerArm);
    }
  }
}
