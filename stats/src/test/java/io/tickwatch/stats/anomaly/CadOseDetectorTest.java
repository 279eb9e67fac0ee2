package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CadOseDetectorTest extends AnomalyDetectorContractTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final long STEP_MILLIS = 60_000L;

  /** A repeating pattern over the range [0, 70]: each of the 8 bins once, period 8. */
  private static final double[] PATTERN = {0, 70, 10, 60, 20, 50, 30, 40};

  /** A detector told the pattern's range, so that each pattern value has a bin of its own. */
  private static CadOseDetector knownRange() {
    return new CadOseDetector(CadOseDetector.Config.defaults(), 0, 70);
  }

  @Override
  protected AnomalyDetector newDetector() {
    return new CadOseDetector();
  }

  /**
   * Not a designed level (the rest period only guarantees at most one alarm per {@code restRows +
   * 1} steps): measured, about 2.5e-4 on unit noise after the warm-up.
   */
  @Override
  protected double configuredFalsePositiveRate() {
    return 1e-3;
  }

  @Test
  void shouldPredictARepeatingPatternFully() {
    CadOseDetector d = knownRange();
    for (int i = 0; i < 400; i++) {
      d.score(T0 + i * STEP_MILLIS, PATTERN[i % PATTERN.length]);
    }
    for (int i = 400; i < 800; i++) {
      assertThat(d.score(T0 + i * STEP_MILLIS, PATTERN[i % PATTERN.length]))
          .as("row %d", i)
          .isZero();
    }
  }

  @Test
  void shouldPredictARepeatingPatternAfterALearntRange() {
    CadOseDetector d = new CadOseDetector();
    int quiet = 0;
    for (int i = 0; i < 1_600; i++) {
      double s = d.score(T0 + i * STEP_MILLIS, PATTERN[i % PATTERN.length]);
      quiet = s == 0.0 ? quiet + 1 : 0;
    }
    assertThat(quiet).as("rows in a row fully predicted at the end").isGreaterThan(400);
  }

  @Test
  void shouldAlarmOnAValueThatBreaksALearntPattern() {
    CadOseDetector d = knownRange();
    int i = 0;
    for (; i < 800; i++) {
      d.score(T0 + i * STEP_MILLIS, PATTERN[i % PATTERN.length]);
    }
    // the pattern would continue with 0 (i % 8 == 0); a known value in an unknown place instead
    assertThat(i % PATTERN.length).isZero();
    double broken = d.score(T0 + i * STEP_MILLIS, 40);
    assertThat(broken).isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
  }

  @Test
  void shouldRestAfterAnAnomaly() {
    CadOseDetector.Config c = CadOseDetector.Config.defaults();
    CadOseDetector d = knownRange();
    int i = 0;
    for (; i < 800; i++) {
      d.score(T0 + i * STEP_MILLIS, PATTERN[i % PATTERN.length]);
    }
    assertThat(d.score(T0 + i * STEP_MILLIS, 40)).isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
    Random random = new Random(3);
    for (int k = 1; k <= c.restRows(); k++) {
      double v = random.nextDouble() * 70;
      assertThat(d.score(T0 + (i + k) * STEP_MILLIS, v)).as("rest row %d", k).isZero();
    }
  }

  @Test
  void shouldStopStoringContextsAtTheCapAndKeepScoring() {
    CadOseDetector.Config c = new CadOseDetector.Config(200, 0.1, 3, 7, 15, 120, 0.75, 2_000);
    CadOseDetector d = new CadOseDetector(c);
    Random random = new Random(99);
    int alarms = 0;
    for (int i = 0; i < 16_000; i++) {
      double s = d.score(T0 + i * STEP_MILLIS, random.nextDouble() * 100);
      assertThat(s).isBetween(0.0, 1.0);
      alarms += s >= AnomalyDetector.ALARM ? 1 : 0;
      assertThat(d.contexts()).isLessThanOrEqualTo(2_000);
    }
    assertThat(d.contexts()).isEqualTo(2_000);
    assertThat(alarms).isPositive();
    AnomalyDetector restored = DetectorSnapshots.restore(DetectorSnapshots.snapshot(d));
    for (int i = 16_000; i < 16_500; i++) {
      double v = random.nextDouble() * 100;
      long t = T0 + i * STEP_MILLIS;
      assertThat(restored.score(t, v)).isEqualTo(d.score(t, v));
    }
  }

  @Test
  void shouldKeepTheDefaultStateBoundedOnALongRandomSeries() {
    CadOseDetector d = new CadOseDetector();
    Random random = new Random(7);
    for (int i = 0; i < 12_000; i++) {
      // a warm-up range of a tenth of the later one: every later bin sequence is new
      double v = i < 200 ? random.nextDouble() * 10 : random.nextDouble() * 100;
      d.score(T0 + i * STEP_MILLIS, v);
    }
    int cap = CadOseDetector.Config.defaults().maxContexts();
    assertThat(d.contexts()).isEqualTo(cap);
    // about a hundred bytes per context (counters, a left semi-context, hash slots)
    assertThat(DetectorSnapshots.snapshot(d).length).isLessThan(cap * 200);
  }

  @Test
  void shouldScoreFromTheFirstRowWithAGivenRangeButWithAWarmupOnlyAfterIt() {
    CadOseDetector given = knownRange();
    CadOseDetector learnt = new CadOseDetector();
    for (int i = 0; i < 199; i++) {
      long t = T0 + i * STEP_MILLIS;
      given.score(t, PATTERN[i % PATTERN.length]);
      assertThat(learnt.score(t, PATTERN[i % PATTERN.length])).isZero();
      assertThat(learnt.contexts()).isZero();
    }
    assertThat(given.contexts()).isPositive();
    // the 200th value ends the warm-up: the buffered values are replayed into the memory
    assertThat(learnt.score(T0 + 199 * STEP_MILLIS, PATTERN[199 % PATTERN.length])).isZero();
    assertThat(learnt.contexts()).isPositive();
  }

  @Test
  void shouldRejectInvalidSettings() {
    assertThatThrownBy(() -> new CadOseDetector.Config(0, 0.1, 3, 7, 15, 120, 0.75, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CadOseDetector.Config(200, 0.1, 3, 7, 15, 120, 1.0, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CadOseDetector(CadOseDetector.Config.defaults(), 2, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
