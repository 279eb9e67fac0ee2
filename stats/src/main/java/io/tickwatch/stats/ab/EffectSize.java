package io.tickwatch.stats.ab;

import org.apache.commons.math3.special.Gamma;

/**
 * Hedges' g: the standardised mean difference {@code (mean_t - mean_c) / s_pooled} with {@code
 * s_pooled^2 = ((n_t - 1) s_t^2 + (n_c - 1) s_c^2) / (n_t + n_c - 2)}, multiplied by the exact
 * small-sample bias correction {@code J(m) = Gamma(m / 2) / (sqrt(m / 2) Gamma((m - 1) / 2))},
 * {@code m = n_t + n_c - 2} (Hedges 1981; approximately {@code 1 - 3 / (4m - 1)}).
 */
public final class EffectSize {

  private EffectSize() {}

  /** Hedges' g, NaN when an arm has fewer than two values or the pooled variance is 0. */
  public static double hedgesG(
      long nControl,
      double meanControl,
      double varianceControl,
      long nTreatment,
      double meanTreatment,
      double varianceTreatment) {
    if (nControl < 2 || nTreatment < 2) {
      return Double.NaN;
    }
    double m = nControl + nTreatment - 2.0;
    double pooled = ((nControl - 1) * varianceControl + (nTreatment - 1) * varianceTreatment) / m;
    if (!(pooled > 0)) {
      return Double.NaN;
    }
    double d = (meanTreatment - meanControl) / Math.sqrt(pooled);
    return correction(m) * d;
  }

  /** The exact bias correction {@code J(m)}, {@code m >= 2}. */
  static double correction(double m) {
    return Math.exp(Gamma.logGamma(m / 2) - Gamma.logGamma((m - 1) / 2)) / Math.sqrt(m / 2);
  }
}
