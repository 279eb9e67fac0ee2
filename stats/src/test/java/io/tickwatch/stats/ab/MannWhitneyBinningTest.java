package io.tickwatch.stats.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The approximation error of Mann-Whitney on sketch buckets (1 % accuracy) against the raw values,
 * for log-normal arms of 5,000 values with log-sd sigma and a shift of 0.02 sigma (the table in
 * docs/STATISTICS.md). Columns: sigma, |U_bins - U_raw| / (n_t n_c), the bound / (n_t n_c), raw p,
 * binned p.
 */
class MannWhitneyBinningTest {

  @ParameterizedTest
  @CsvSource({
    "0.1, 3.58e-4, 2.82e-2, 0.8038, 0.7558",
    "0.5, 5.46e-6, 5.65e-3, 0.8038, 0.8045",
    "2.0, 1.14e-5, 1.41e-3, 0.8038, 0.8023"
  })
  void shouldStayWithinTheDocumentedBoundOfTheRawTest(
      double sigma, double error, double bound, double rawP, double binnedP) {
    int n = 5000;
    SplittableRandom random = new SplittableRandom(1);
    double[] control = new double[n];
    double[] treatment = new double[n];
    LogBucketSketch sc = LogBucketSketch.withDefaultAccuracy();
    LogBucketSketch st = LogBucketSketch.withDefaultAccuracy();
    for (int i = 0; i < n; i++) {
      control[i] = Math.exp(sigma * random.nextGaussian());
      treatment[i] = Math.exp(sigma * random.nextGaussian() + 0.02 * sigma);
      sc.add(control[i]);
      st.add(treatment[i]);
    }
    MannWhitneyResult raw = MannWhitney.onSamples(control, treatment);
    MannWhitneyResult binned = MannWhitney.onSketches(sc, st);
    double pairs = (double) n * n;

    assertThat(Math.abs(binned.u() - raw.u())).isLessThanOrEqualTo(binned.uErrorBound());
    assertThat(Math.abs(binned.u() - raw.u()) / pairs).isCloseTo(error, within(error * 0.01));
    assertThat(binned.uErrorBound() / pairs).isCloseTo(bound, within(bound * 0.005));
    assertThat(raw.pValue()).isCloseTo(rawP, within(5e-5));
    assertThat(binned.pValue()).isCloseTo(binnedP, within(5e-5));
  }
}
