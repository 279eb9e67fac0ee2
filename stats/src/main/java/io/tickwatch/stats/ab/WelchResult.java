package io.tickwatch.stats.ab;

/**
 * Result of {@link Welch#test}. NaN components mean "not computable" (an arm with fewer than two
 * observations, or zero variance in both arms).
 *
 * @param meanDifference treatment mean minus control mean
 * @param t Welch's t statistic, {@code meanDifference / standardError}
 * @param degreesOfFreedom Welch-Satterthwaite degrees of freedom
 * @param pValue two-sided p-value from the t distribution with those degrees of freedom
 * @param standardError {@code sqrt(s_t^2 / n_t + s_c^2 / n_c)}
 * @param ciLow lower bound of the confidence interval of the difference
 * @param ciHigh upper bound of the confidence interval of the difference
 */
public record WelchResult(
    double meanDifference,
    double t,
    double degreesOfFreedom,
    double pValue,
    double standardError,
    double ciLow,
    double ciHigh) {

  static WelchResult notComputable(double meanDifference) {
    return new WelchResult(
        meanDifference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
