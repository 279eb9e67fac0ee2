package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CusumDetectorTest extends AnomalyDetectorContractTest {

  private static final long T0 = 1_700_000_000_000L;

  @Override
  protected AnomalyDetector newDetector() {
    return new CusumDetector();
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.001;
  }

  /** A single outlier is clipped: the CUSUM leaves spikes to other detectors. */
  @Override
  protected boolean detectsSpike() {
    return false;
  }

  private static CusumDetector.Config everyRow() {
    return new CusumDetector.Config(1000, 30, 1.0, 4.0, 10.0, 0);
  }

  @Test
  void shouldFlagASmallSustainedShiftWithinTwentyRows() {
    // a 2 sigma shift: no single value stands out, the sum grows by about 1 per row
    for (int seed = 0; seed < 10; seed++) {
      CusumDetector d = new CusumDetector(everyRow());
      Random random = new Random(seed);
      int first = -1;
      for (int i = 0; i < 2_100 && first < 0; i++) {
        double s = d.score(T0 + i * 1_000L, 50 + random.nextGaussian() + (i >= 2_000 ? 2 : 0));
        if (i >= 2_000 && s >= AnomalyDetector.ALARM) {
          first = i;
        }
      }
      assertThat(first).as("seed %d", seed).isBetween(2_000, 2_020);
    }
  }

  @Test
  void shouldNotFlagALoneSpike() {
    CusumDetector d = new CusumDetector(everyRow());
    Random random = new Random(8);
    double max = 0;
    for (int i = 0; i < 2_100; i++) {
      double s = d.score(T0 + i * 1_000L, 50 + random.nextGaussian() + (i == 2_000 ? 50 : 0));
      if (i >= 2_000) {
        max = Math.max(max, s);
      }
    }
    assertThat(max).isLessThan(AnomalyDetector.ALARM);
  }

  @Test
  void shouldAdoptTheNewLevelAfterTheResetInsteadOfAlarmingAgain() {
    CusumDetector d = new CusumDetector(everyRow());
    Random random = new Random(12);
    int alarms = 0;
    for (int i = 0; i < 6_000; i++) {
      double s = d.score(T0 + i * 1_000L, 50 + random.nextGaussian() + (i >= 2_000 ? 5 : 0));
      if (i >= 2_000 && s >= AnomalyDetector.ALARM) {
        alarms++;
      }
    }
    assertThat(alarms).isBetween(1, 3);
  }

  @Test
  void shouldStayQuietOnStationaryNoise() {
    CusumDetector d = new CusumDetector(everyRow());
    Random random = new Random(31);
    int alarms = 0;
    for (int i = 0; i < 20_000; i++) {
      if (d.score(T0 + i * 1_000L, 50 + random.nextGaussian()) >= AnomalyDetector.ALARM) {
        alarms++;
      }
    }
    assertThat(alarms).isLessThanOrEqualTo(5);
  }
}
