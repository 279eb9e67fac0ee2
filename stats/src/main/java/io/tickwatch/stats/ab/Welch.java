package io.tickwatch.stats.ab;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variances t-test from summary statistics, with the p-value from the exact Student
 * t distribution at the Welch-Satterthwaite degrees of freedom (Commons Math), and the confidence
 * interval of the mean difference. Matches {@code scipy.stats.ttest_ind(t, c, equal_var=False)} and
 * R's {@code t.test(t, c)}.
 */
public final class Welch {

  /** Accuracy of the inverse t CDF used for interval bounds. */
  private static final double INVERSE_ACCURACY = 1e-14;

  private Welch() {}

  /**
   * Runs the test of "treatment mean equals control mean".
   *
   * @param nControl observations in the control arm
   * @param meanControl control mean
   * @param varianceControl control sample variance ({@code n - 1} denominator)
   * @param nTreatment observations in the treatment arm
   * @param meanTreatment treatment mean
   * @param varianceTreatment treatment sample variance
   * @param confidenceLevel level of the interval, in {@code (0, 1)}
   */
  public static WelchResult test(
      long nControl,
      double meanControl,
      double varianceControl,
      long nTreatment,
      double meanTreatment,
      double varianceTreatment,
      double confidenceLevel) {
    double difference = meanTreatment - meanControl;
    if (nControl < 2 || nTreatment < 2) {
      return WelchResult.notComputable(difference);
    }
    double vc = varianceControl / nControl;
    double vt = varianceTreatment / nTreatment;
    double se2 = vc + vt;
    if (!(se2 > 0) || !Double.isFinite(se2)) {
      return WelchResult.notComputable(difference);
    }
    double se = Math.sqrt(se2);
    double t = difference / se;
    double df = se2 * se2 / (vc * vc / (nControl - 1) + vt * vt / (nTreatment - 1));
    TDistribution distribution = new TDistribution(null, df, INVERSE_ACCURACY);
    double p = Math.min(1.0, 2 * distribution.cumulativeProbability(-Math.abs(t)));
    double critical = distribution.inverseCumulativeProbability(0.5 + confidenceLevel / 2);
    return new WelchResult(
        difference, t, df, p, se, difference - critical * se, difference + critical * se);
  }
}
