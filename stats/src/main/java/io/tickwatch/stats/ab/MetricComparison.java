package io.tickwatch.stats.ab;

import java.util.List;

/**
 * Treatment against control on one metric (maps 1:1 to Avro {@code MetricComparison}). Differences
 * are treatment minus control, in the metric's unit; a statistic that cannot be computed (too few
 * samples, zero variance) is NaN. The decision is taken by the always-valid sequential test ({@link
 * #sequentialPValue()}, Holm-adjusted into {@link #adjustedPValue()}); Welch, Mann-Whitney and the
 * quantile intervals are reported, not used for the verdict.
 *
 * @param metric metric compared
 * @param controlVariant baseline variant
 * @param treatmentVariant variant compared with the baseline
 * @param meanDifference treatment mean minus control mean
 * @param relativeDifference {@code meanDifference / control mean}
 * @param welchT Welch's t statistic
 * @param welchDegreesOfFreedom Welch-Satterthwaite degrees of freedom
 * @param welchPValue two-sided p-value from the exact t distribution (fixed-horizon, not valid
 *     under peeking)
 * @param differenceCiLow lower bound of the Welch confidence interval of {@code meanDifference}
 * @param differenceCiHigh upper bound of the Welch confidence interval of {@code meanDifference}
 * @param mannWhitneyU U statistic of the treatment sample (ties count one half)
 * @param mannWhitneyZ tie-corrected normal approximation of U with continuity correction, signed:
 *     positive when the treatment tends to be larger
 * @param mannWhitneyPValue two-sided p-value of the Mann-Whitney test
 * @param mannWhitneyOnBins true when U was computed on the sketches' buckets, not raw samples
 * @param quantileDifferences differences of the configured quantiles (p95, p99) with intervals
 * @param sequentialStatistic mSPRT mixture likelihood ratio at this look
 * @param sequentialPValue always-valid p-value, non-increasing across looks
 * @param effectSize Hedges' g of {@code meanDifference}
 * @param adjustedPValue Holm-adjusted {@code sequentialPValue} across all comparisons
 * @param verdict verdict on this metric alone
 */
public record MetricComparison(
    String metric,
    String controlVariant,
    String treatmentVariant,
    double meanDifference,
    double relativeDifference,
    double welchT,
    double welchDegreesOfFreedom,
    double welchPValue,
    double differenceCiLow,
    double differenceCiHigh,
    double mannWhitneyU,
    double mannWhitneyZ,
    double mannWhitneyPValue,
    boolean mannWhitneyOnBins,
    List<QuantileDifference> quantileDifferences,
    double sequentialStatistic,
    double sequentialPValue,
    double effectSize,
    double adjustedPValue,
    Verdict verdict) {

  /** Copies the list. */
  public MetricComparison {
    quantileDifferences = List.copyOf(quantileDifferences);
  }

  /** The key under which the caller keeps {@link #sequentialPValue()} for the next look. */
  public ComparisonKey key() {
    return new ComparisonKey(metric, treatmentVariant);
  }
}
