package io.tickwatch.stats.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.stats.rolling.Moments;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Exact statistics against reference values to 1e-9. Reference values come from SciPy 1.17.1 (NumPy
 * 2.4.6) on this machine, run as shown in each comment; values that follow from closed formulas
 * (mSPRT, Holm) were computed independently in Python or by hand.
 */
class ReferenceValuesTest {

  private static final double TOLERANCE = 1e-9;

  static final double[] SMALL_CONTROL = {
    12.1, 14.3, 11.8, 15.2, 13.3, 12.9, 14.0, 13.3, 12.5, 16.1
  };
  static final double[] SMALL_TREATMENT = {
    11.2, 12.0, 10.9, 13.3, 11.5, 12.2, 10.4, 12.0, 11.9, 13.0, 11.1, 12.6
  };

  /** {@code c = [(i*37 % 101)*0.5 for i in range(200)]}: many ties. */
  static double[] tiedControl() {
    double[] c = new double[200];
    for (int i = 0; i < c.length; i++) {
      c[i] = (i * 37 % 101) * 0.5;
    }
    return c;
  }

  /** {@code t = [(i*53 % 97)*0.5 + 1 for i in range(150)]}. */
  static double[] tiedTreatment() {
    double[] t = new double[150];
    for (int i = 0; i < t.length; i++) {
      t[i] = (i * 53 % 97) * 0.5 + 1;
    }
    return t;
  }

  /** {@code c2 = [10 + (i%13)*0.1 for i in range(40)]}. */
  static double[] farControl() {
    double[] c = new double[40];
    for (int i = 0; i < c.length; i++) {
      c[i] = 10 + (i % 13) * 0.1;
    }
    return c;
  }

  /** {@code t2 = [11 + (i%11)*0.1 for i in range(30)]}. */
  static double[] farTreatment() {
    double[] t = new double[30];
    for (int i = 0; i < t.length; i++) {
      t[i] = 11 + (i % 11) * 0.1;
    }
    return t;
  }

  static WelchResult welch(double[] control, double[] treatment, double confidence) {
    Moments c = moments(control);
    Moments t = moments(treatment);
    return Welch.test(
        c.count(),
        c.mean(),
        c.m2() / (c.count() - 1),
        t.count(),
        t.mean(),
        t.m2() / (t.count() - 1),
        confidence);
  }

  static Moments moments(double[] values) {
    Moments m = new Moments();
    for (double v : values) {
      m.add(v);
    }
    return m;
  }

  @Test
  void shouldMatchScipyWelchOnSmallSamples() {
    // r = scipy.stats.ttest_ind(t, c, equal_var=False); r.confidence_interval(0.95 / 0.99)
    WelchResult r = welch(SMALL_CONTROL, SMALL_TREATMENT, 0.95);
    assertThat(r.t()).isCloseTo(-3.420997488129956, within(TOLERANCE));
    assertThat(r.degreesOfFreedom()).isCloseTo(14.698388940195603, within(TOLERANCE));
    assertThat(r.pValue()).isCloseTo(0.003888537003973369, within(TOLERANCE));
    assertThat(r.ciLow()).isCloseTo(-2.774614395627614, within(TOLERANCE));
    assertThat(r.ciHigh()).isCloseTo(-0.6420522710390539, within(TOLERANCE));
    WelchResult r99 = welch(SMALL_CONTROL, SMALL_TREATMENT, 0.99);
    assertThat(r99.ciLow()).isCloseTo(-3.184119802076262, within(TOLERANCE));
    assertThat(r99.ciHigh()).isCloseTo(-0.2325468645904054, within(TOLERANCE));
  }

  @Test
  void shouldMatchScipyStudentTQuantiles() {
    // scipy.stats.t.ppf(p, df)
    double[][] cases = {
      {1, 0.975, 12.706204736174694},
      {2.5, 0.995, 7.163728138948783},
      {14.698388940195603, 0.975, 2.1352652697068906},
      {1e6, 0.975, 1.959966356814107}
    };
    for (double[] c : cases) {
      double x = Welch.criticalValue(new TDistribution(null, c[0]), c[1]);
      assertThat(x).as("t.ppf(%s, %s)", c[1], c[0]).isCloseTo(c[2], within(TOLERANCE * c[2]));
    }
  }

  @Test
  void shouldMatchScipyWelchOnTiedAndFarApartSamples() {
    WelchResult tied = welch(tiedControl(), tiedTreatment(), 0.95);
    assertThat(tied.t()).isCloseTo(-0.2864290818255861, within(TOLERANCE));
    assertThat(tied.degreesOfFreedom()).isCloseTo(328.1014654015439, within(TOLERANCE));
    assertThat(tied.pValue()).isCloseTo(0.7747302793911385, within(TOLERANCE));
    WelchResult far = welch(farControl(), farTreatment(), 0.95);
    assertThat(far.t()).isCloseTo(10.542766770009996, within(TOLERANCE));
    assertThat(far.degreesOfFreedom()).isCloseTo(67.70309867785187, within(TOLERANCE));
    // tiny p: relative 1e-9
    assertThat(far.pValue()).isCloseTo(6.3540912230236615e-16, within(6.354e-16 * TOLERANCE));
  }

  @Test
  void shouldMatchScipyMannWhitneyWithTiesAndContinuityCorrection() {
    // scipy.stats.mannwhitneyu(t, c, method="asymptotic") (use_continuity=True, two-sided)
    MannWhitneyResult small = MannWhitney.onSamples(SMALL_CONTROL, SMALL_TREATMENT);
    assertThat(small.u()).isEqualTo(17.0);
    assertThat(small.pValue()).isCloseTo(0.005010914030235993, within(TOLERANCE));
    assertThat(small.z()).isNegative();
    MannWhitneyResult tied = MannWhitney.onSamples(tiedControl(), tiedTreatment());
    assertThat(tied.u()).isEqualTo(14735.5);
    assertThat(tied.pValue()).isCloseTo(0.7780666771843221, within(TOLERANCE));
    MannWhitneyResult far = MannWhitney.onSamples(farControl(), farTreatment());
    assertThat(far.u()).isEqualTo(1159.5);
    assertThat(far.pValue()).isCloseTo(3.0480449078262254e-11, within(3.048e-11 * TOLERANCE));
    assertThat(far.z()).isPositive();
  }

  @Test
  void shouldMatchScipyChiSquareForSampleRatio() {
    // scipy.stats.chisquare([5200, 4800], [5000, 5000])
    SrmResult two = SampleRatioCheck.test(new long[] {5200, 4800}, new double[] {0.5, 0.5});
    assertThat(two.chiSquare()).isCloseTo(16.0, within(TOLERANCE));
    assertThat(two.degreesOfFreedom()).isEqualTo(1);
    assertThat(two.pValue()).isCloseTo(6.334248366623988e-05, within(6.334e-5 * TOLERANCE));
    // scipy.stats.chisquare([3120, 3010, 3870], [3000, 3000, 4000])
    SrmResult three =
        SampleRatioCheck.test(new long[] {3120, 3010, 3870}, new double[] {0.3, 0.3, 0.4});
    assertThat(three.chiSquare()).isCloseTo(9.058333333333334, within(TOLERANCE));
    assertThat(three.pValue()).isCloseTo(0.010789663713800697, within(TOLERANCE));
  }

  @Test
  void shouldMatchExactHedgesG() {
    // sp = sqrt((11 var(t) + 9 var(c)) / 20); d = (mean t - mean c) / sp;
    // J = exp(gammaln(10) - gammaln(9.5)) / sqrt(10) (scipy.special.gammaln) = 0.9619445337407481
    assertThat(EffectSize.correction(20)).isCloseTo(0.9619445337407481, within(TOLERANCE));
    Moments c = moments(SMALL_CONTROL);
    Moments t = moments(SMALL_TREATMENT);
    double g =
        EffectSize.hedgesG(c.count(), c.mean(), c.m2() / 9, t.count(), t.mean(), t.m2() / 11);
    assertThat(g).isCloseTo(-1.4676563900762403, within(TOLERANCE));
  }

  @Test
  void shouldMatchClosedFormMixtureLikelihoodRatio() {
    // d = mean(t) - mean(c); V = var(t)/12 + var(c)/10; tau2 = eff^2 * pooled variance;
    // Lambda = sqrt(V / (V + tau2)) * exp(tau2 d^2 / (2 V (V + tau2))), numpy float64
    Moments c = moments(SMALL_CONTROL);
    Moments t = moments(SMALL_TREATMENT);
    double vc = c.m2() / 9;
    double vt = t.m2() / 11;
    double d = t.mean() - c.mean();
    double v = vt / 12 + vc / 10;
    double[] effects = {0.1, 0.5, 1.0};
    double[] tau2 = {0.012537083333333336, 0.31342708333333336, 1.2537083333333334};
    double[] lambda = {1.2912154800181936, 17.319621055637864, 53.65801971872076};
    double[] p = {0.7744640731738359, 0.05773798380389397, 0.01863654315314044};
    for (int i = 0; i < effects.length; i++) {
      double tau = MixtureSprt.tauSquared(effects[i], 10, vc, 12, vt);
      assertThat(tau).isCloseTo(tau2[i], within(TOLERANCE));
      SequentialResult look = MixtureSprt.look(d, v, tau, 1.0);
      assertThat(look.likelihoodRatio()).isCloseTo(lambda[i], within(TOLERANCE * lambda[i]));
      assertThat(look.pValue()).isCloseTo(p[i], within(TOLERANCE));
    }
  }

  @Test
  void shouldMatchHandComputedHolmAdjustment() {
    // p = (0.01, 0.04, 0.03, 0.005), m = 4: sorted 0.005*4 = 0.02, 0.01*3 = 0.03,
    // 0.03*2 = 0.06, max(0.06, 0.04*1) = 0.06 (as R's p.adjust(p, "holm"))
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
    assertThat(adjusted[0]).isCloseTo(0.03, within(TOLERANCE));
    assertThat(adjusted[1]).isCloseTo(0.06, within(TOLERANCE));
    assertThat(adjusted[2]).isCloseTo(0.06, within(TOLERANCE));
    assertThat(adjusted[3]).isCloseTo(0.02, within(TOLERANCE));
    double[] withNaN = Holm.adjust(new double[] {0.3, Double.NaN, 0.6});
    assertThat(withNaN[0]).isCloseTo(0.6, within(TOLERANCE));
    assertThat(withNaN[1]).isNaN();
    assertThat(withNaN[2]).isCloseTo(0.6, within(TOLERANCE));
  }
}
