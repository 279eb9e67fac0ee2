package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedDetectorTest extends AnomalyDetectorContractTest {

  private static final long T0 = 1_700_000_000_000L;

  @Override
  protected AnomalyDetector newDetector() {
    return new PairedDetector(new RollingZScoreDetector(), new CusumDetector(), 50);
  }

  @Override
  protected double configuredFalsePositiveRate() {
    // the z-score's 3 sigma (two-sided) plus the CUSUM's
    return 0.0027 + 0.001;
  }

  @Test
  void shouldReportTheLargerScoreWithoutHoldOff() {
    AnomalyDetector paired =
        new PairedDetector(new RollingZScoreDetector(), new CusumDetector(), 0);
    AnomalyDetector a = new RollingZScoreDetector();
    AnomalyDetector b = new CusumDetector();
    Random random = new Random(6);
    for (int i = 0; i < 3_000; i++) {
      long t = T0 + i * 1_000L;
      double v = 50 + random.nextGaussian() + (i >= 2_000 ? 3 : 0);
      assertThat(paired.score(t, v))
          .as("row %d", i)
          .isEqualTo(Math.max(a.score(t, v), b.score(t, v)));
    }
  }

  @Test
  void shouldDampTheSecondDetectorRightAfterTheFirstAlarmed() {
    AnomalyDetector always = (t, v) -> 0.9;
    AnomalyDetector quiet = (t, v) -> 0.0;
    PairedDetector paired = new PairedDetector(quiet, always, 10);
    assertThat(paired.score(T0, 1)).isEqualTo(0.9);
    PairedDetector damped = new PairedDetector(new StepOnce(), always, 10);
    assertThat(damped.score(T0, 1)).isEqualTo(0.9); // both alarm on row 0: neither damped yet
    assertThat(damped.score(T0 + 1, 1)).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void shouldRejectAMissingDetector() {
    assertThatThrownBy(() -> new PairedDetector(null, new CusumDetector(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Alarms on its first row only. */
  private static final class StepOnce implements AnomalyDetector {
    private boolean done;

    @Override
    public double score(long timestampMillis, double value) {
      double s = done ? 0.0 : 0.8;
      done = true;
      return s;
    }
  }
}
