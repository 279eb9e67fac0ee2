package io.tickwatch.stats.ab;

/**
 * Result of {@link MannWhitney}. NaN components mean "not computable" (an empty arm, or every value
 * tied).
 *
 * @param u U statistic of the treatment sample: pairs (treatment, control) with treatment larger,
 *     ties counting one half; {@code u / (n_t n_c)} estimates {@code P(T > C) + P(T = C) / 2}
 * @param z tie-corrected normal approximation with continuity correction, signed (positive when the
 *     treatment tends to be larger)
 * @param pValue two-sided p-value, equal to {@code scipy.stats.mannwhitneyu(t, c,
 *     method="asymptotic")}
 * @param onBins true when computed on sketch buckets instead of raw values
 * @param uErrorBound bound on {@code |u - u_raw|}, the difference to U on the raw values: 0 on raw
 *     values; on bins, half the number of (treatment, control) pairs that share a bucket
 */
public record MannWhitneyResult(
    double u, double z, double pValue, boolean onBins, double uErrorBound) {

  static MannWhitneyResult notComputable(boolean onBins) {
    return new MannWhitneyResult(Double.NaN, Double.NaN, Double.NaN, onBins, Double.NaN);
  }
}
