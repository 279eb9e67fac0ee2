package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class BocpdDetectorTest extends AnomalyDetectorContractTest {

  private static final long T0 = 1_700_000_000_000L;

  @Override
  protected AnomalyDetector newDetector() {
    return new BocpdDetector();
  }

  /**
   * The calibrated score is a z-score of a heavy-tailed statistic (mostly near 0, with short bumps
   * whenever noise briefly looks like a new segment): z = 10 is passed on about 0.25 % of the rows
   * of i.i.d. noise (48 of 20,000 here), not the 1e-23 a Gaussian would suggest.
   */
  @Override
  protected double configuredFalsePositiveRate() {
    return 0.003;
  }

  /**
   * With the default minimum segment of two values a change is only counted once a second value
   * confirms it, so a spike is flagged one row late (and a lone spike reads as a short segment).
   */
  @Override
  protected boolean detectsSpike() {
    return false;
  }

  /** Defaults without the refractory rule, so every row's score is visible. */
  private static BocpdDetector.Config everyRow(int minRun) {
    return new BocpdDetector.Config(
        1000, 30, 250.0, 50, 0.1, 1.0, 1.0, 1.0, minRun, 15, 1.0, 3.0, 0, 0);
  }

  /** Rows after the onset until the first alarm, or -1 within {@code rows} rows. */
  private static int rowsToAlarm(BocpdDetector d, Random random, double shiftSigmas, int rows) {
    for (int i = 0; i < 2_000; i++) {
      d.score(T0 + i * 1_000L, 50 + random.nextGaussian());
    }
    for (int k = 0; k < rows; k++) {
      double s = d.score(T0 + (2_000 + k) * 1_000L, 50 + shiftSigmas + random.nextGaussian());
      if (s >= AnomalyDetector.ALARM) {
        return k;
      }
    }
    return -1;
  }

  @Test
  void shouldFlagAModerateLevelShiftWithinFiveRows() {
    int detected = 0;
    for (int seed = 0; seed < 20; seed++) {
      int k = rowsToAlarm(new BocpdDetector(everyRow(1)), new Random(seed), 5.0, 5);
      if (k >= 0) {
        detected++;
      }
    }
    // a 5 sigma shift: the single-value 7 sigma rule of the ensemble would not see it at all
    assertThat(detected).isGreaterThanOrEqualTo(19);
  }

  @Test
  void shouldFlagAModerateLevelShiftWithinFiveRowsWithTheCalibratedDefaults() {
    int detected = 0;
    for (int seed = 0; seed < 20; seed++) {
      if (rowsToAlarm(new BocpdDetector(), new Random(50 + seed), 5.0, 5) >= 0) {
        detected++;
      }
    }
    assertThat(detected).isGreaterThanOrEqualTo(19);
  }

  @Test
  void shouldNotFlagStationaryNoiseAfterWarmUp() {
    BocpdDetector d = new BocpdDetector(everyRow(1));
    Random random = new Random(3);
    int alarms = 0;
    for (int i = 0; i < 20_000; i++) {
      double s = d.score(T0 + i * 1_000L, 50 + random.nextGaussian());
      if (i >= 1_000 && s >= AnomalyDetector.ALARM) {
        alarms++;
      }
    }
    assertThat(alarms).isLessThanOrEqualTo(5);
  }

  @Test
  void shouldFlagTheLoneSpikeWhenASegmentMayHoldOneValue() {
    BocpdDetector d = new BocpdDetector(everyRow(1));
    Random random = new Random(9);
    double spike = 0;
    for (int i = 0; i <= 2_000; i++) {
      double v = 50 + random.nextGaussian() + (i == 2_000 ? 12.0 : 0.0);
      spike = d.score(T0 + i * 1_000L, v);
    }
    assertThat(spike).isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
  }

  @Test
  void shouldKeepItsStateBoundedWhateverTheLength() {
    BocpdDetector d = new BocpdDetector();
    Random random = new Random(4);
    for (int i = 0; i < 2_000; i++) {
      d.score(T0 + i * 1_000L, 50 + random.nextGaussian());
    }
    int early = DetectorSnapshots.snapshot(d).length;
    for (int i = 2_000; i < 40_000; i++) {
      d.score(T0 + i * 1_000L, 50 + random.nextGaussian() + (i % 5_000 < 2_500 ? 0 : 4));
    }
    assertThat(DetectorSnapshots.snapshot(d).length).isEqualTo(early);
  }

  @Test
  void shouldTabulateTheLogGammaRatioExactly() {
    for (double a : new double[] {0.5, 1.0, 1.5, 7.0, 400.5, 2_047.5, 3_000.0, 12_345.5}) {
      assertThat(BocpdDetector.logGammaRatio(a))
          .as("a = %s", a)
          .isCloseTo(
              Gamma.logGamma(a + 0.5) - Gamma.logGamma(a),
              org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(BocpdDetector.logGammaRatio(1.3))
        .isCloseTo(
            Gamma.logGamma(1.8) - Gamma.logGamma(1.3), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void shouldRejectAnInvalidConfiguration() {
    assertThatThrownBy(
            () ->
                new BocpdDetector.Config(
                    1000, 30, 250.0, 50, 0.1, 1.0, 1.0, 1.0, 3, 2, 1.0, 3.0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new BocpdDetector.Config(
                    1000, 30, 1.0, 50, 0.1, 1.0, 1.0, 1.0, 1, 15, 1.0, 3.0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
