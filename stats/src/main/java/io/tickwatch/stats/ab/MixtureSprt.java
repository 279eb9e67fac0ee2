package io.tickwatch.stats.ab;

/**
 * The two-sample mixture sequential probability ratio test (mSPRT) with a normal mixture, from
 * Johari, Koomen, Pekelis and Walsh, "Always Valid Inference: Continuous Monitoring of A/B Tests"
 * (Operations Research 70(3), 2022; arXiv:1512.04922), as used for differences of means.
 *
 * <p>Let {@code d} be the observed mean difference (treatment minus control) and {@code V = s_t^2 /
 * n_t + s_c^2 / n_c} its variance. Under the mixture {@code theta ~ N(0, tau^2)} over the true
 * difference, the likelihood ratio of the Gaussian model is {@code Lambda = sqrt(V / (V + tau^2))
 * exp(tau^2 d^2 / (2 V (V + tau^2)))}. Under H0 (theta = 0) Lambda is a non-negative martingale in
 * information time, so by Ville's inequality {@code P(sup Lambda >= 1 / alpha) <= alpha}: the
 * always-valid p-value {@code p_n = min(p_(n-1), 1 / Lambda_n)} is valid at any data-dependent
 * stopping time, however often one looks. Assumptions: independent observations, arm means
 * approximately normal (central limit theorem), variances estimated by the sample variances
 * (plug-in, accurate once every arm has at least tens of observations).
 *
 * <p>{@code tau} sets where the test is most powerful; it is given as a standardised effect size
 * times the pooled standard deviation.
 */
public final class MixtureSprt {

  private MixtureSprt() {}

  /**
   * One look.
   *
   * @param meanDifference treatment mean minus control mean
   * @param differenceVariance {@code V}, the variance of {@code meanDifference}
   * @param tauSquared mixture variance {@code tau^2 > 0}, in squared metric units
   * @param previousPValue the always-valid p-value of the previous look (1 for the first)
   * @return the look; when {@code V} or {@code tau^2} is not positive and finite, a skipped look
   *     keeping {@code previousPValue}
   */
  public static SequentialResult look(
      double meanDifference, double differenceVariance, double tauSquared, double previousPValue) {
    double previous = Double.isNaN(previousPValue) ? 1.0 : Math.min(1.0, previousPValue);
    double v = differenceVariance;
    if (!(v > 0 && Double.isFinite(v) && tauSquared > 0 && Double.isFinite(tauSquared))
        || !Double.isFinite(meanDifference)) {
      return new SequentialResult(Double.NaN, previous, false);
    }
    double logLambda =
        0.5 * Math.log(v / (v + tauSquared))
            + tauSquared * meanDifference * meanDifference / (2 * v * (v + tauSquared));
    double lambda = Math.exp(logLambda);
    double p = Math.min(previous, Math.min(1.0, Math.exp(-logLambda)));
    return new SequentialResult(lambda, p, true);
  }

  /**
   * The mixture variance for a standardised mixing effect: {@code (effect * pooled sd)^2} with the
   * pooled sample variance of the two arms.
   */
  public static double tauSquared(
      double mixtureEffectSize,
      long nControl,
      double varianceControl,
      long nTreatment,
      double varianceTreatment) {
    double pooled =
        ((nControl - 1) * varianceControl + (nTreatment - 1) * varianceTreatment)
            / (nControl + nTreatment - 2);
    return mixtureEffectSize * mixtureEffectSize * pooled;
  }
}
