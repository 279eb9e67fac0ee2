package io.tickwatch.stats.ab;

import org.apache.commons.math3.special.Gamma;

/**
 * Sample-ratio-mismatch check: Pearson's chi-square goodness-of-fit test of the observed unit
 * counts per variant against the intended traffic shares (equals {@code scipy.stats.chisquare(obs,
 * f_exp)}). A p-value below the SRM threshold (0.001 by default) means the assignment or the data
 * pipeline is broken, so no comparison can be trusted (Fabijan et al., "Diagnosing Sample Ratio
 * Mismatch in Online Controlled Experiments", KDD 2019).
 */
public final class SampleRatioCheck {

  private SampleRatioCheck() {}

  /**
   * The test.
   *
   * @param observed unit counts per variant, {@code >= 0}
   * @param shares intended shares, same order, each {@code > 0}; normalised to sum 1
   */
  public static SrmResult test(long[] observed, double[] shares) {
    if (observed.length != shares.length || observed.length < 2) {
      throw new IllegalArgumentException("need the same number (>= 2) of counts and shares");
    }
    double total = 0;
    double shareSum = 0;
    for (int i = 0; i < observed.length; i++) {
      total += observed[i];
      shareSum += shares[i];
    }
    int df = observed.length - 1;
    if (total == 0) {
      return new SrmResult(Double.NaN, df, Double.NaN);
    }
    double chi2 = 0;
    for (int i = 0; i < observed.length; i++) {
      double expected = total * shares[i] / shareSum;
      double delta = observed[i] - expected;
      chi2 += delta * delta / expected;
    }
    double p = Gamma.regularizedGammaQ(df / 2.0, chi2 / 2, 1e-15, Integer.MAX_VALUE);
    return new SrmResult(chi2, df, p);
  }
}
