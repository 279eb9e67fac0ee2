package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EnsembleCpdDetectorTest extends AnomalyDetectorContractTest {

  private static final long T0 = 1_700_000_000_000L;

  @Override
  protected AnomalyDetector newDetector() {
    return new EnsembleCpdDetector();
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.001;
  }

  private static double[] shiftedNoise(long seed, double shiftSigmas) {
    Random random = new Random(seed);
    double[] v = new double[2_200];
    for (int i = 0; i < v.length; i++) {
      v[i] = 50 + random.nextGaussian() + (i >= 2_000 ? shiftSigmas : 0.0);
    }
    return v;
  }

  private static int firstAlarmAtOrAfter(AnomalyDetector d, double[] values, int from) {
    for (int i = 0; i < values.length; i++) {
      double s = d.score(T0 + i * 1_000L, values[i]);
      if (i >= from && s >= AnomalyDetector.ALARM) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void shouldReportTheLargerChannelWithoutHoldOrBoost() {
    EnsembleCpdDetector.Config defaults = EnsembleCpdDetector.Config.defaults();
    EnsembleCpdDetector.Config plain =
        new EnsembleCpdDetector.Config(defaults.ensemble(), defaults.changepoint(), 0, 0.0);
    AnomalyDetector combined = new EnsembleCpdDetector(plain);
    AnomalyDetector ensemble = new EnsembleDetector(defaults.ensemble());
    AnomalyDetector changepoint = new BocpdDetector(defaults.changepoint());
    double[] values = shiftedNoise(1, 6.0);
    for (int i = 0; i < values.length; i++) {
      long t = T0 + i * 1_000L;
      double expected = Math.max(ensemble.score(t, values[i]), changepoint.score(t, values[i]));
      assertThat(combined.score(t, values[i])).as("row %d", i).isEqualTo(expected);
    }
  }

  @Test
  void shouldNeverScoreBelowTheEnsembleWhileTheChangepointChannelStaysQuiet() {
    EnsembleCpdDetector.Config defaults = EnsembleCpdDetector.Config.defaults();
    AnomalyDetector combined = new EnsembleCpdDetector(defaults);
    AnomalyDetector ensemble = new EnsembleDetector(defaults.ensemble());
    Random random = new Random(2);
    for (int i = 0; i < 3_000; i++) {
      long t = T0 + i * 1_000L;
      double v = 50 + random.nextGaussian() + (i == 2_500 ? 20.0 : 0.0);
      double e = ensemble.score(t, v);
      double c = combined.score(t, v);
      assertThat(c).as("row %d", i).isGreaterThanOrEqualTo(e);
    }
  }

  @Test
  void shouldFlagASixSigmaShiftWithinTenRowsAndNeverLaterThanTheEnsemble() {
    for (int seed = 0; seed < 10; seed++) {
      double[] values = shiftedNoise(100 + seed, 6.0);
      int e = firstAlarmAtOrAfter(new EnsembleDetector(), values, 2_000);
      int c = firstAlarmAtOrAfter(new EnsembleCpdDetector(), values, 2_000);
      assertThat(c).as("seed %d", seed).isBetween(2_000, 2_010);
      if (e >= 0) {
        assertThat(c).as("seed %d", seed).isLessThanOrEqualTo(e);
      }
    }
  }
}
