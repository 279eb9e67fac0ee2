package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyLikelihoodTest {

  private static final double ALARM_TAIL = 1e-5;

  @Test
  void shouldMapTheTailToNabsLogScale() {
    assertThat(AnomalyLikelihood.logScore(ALARM_TAIL)).isCloseTo(0.5, within(1e-4));
    assertThat(AnomalyLikelihood.logScore(0.0)).isEqualTo(1.0);
    assertThat(AnomalyLikelihood.logScore(1.0)).isEqualTo(0.0);
    assertThat(AnomalyLikelihood.logScore(0.5)).isLessThan(0.05);
    assertThat(AnomalyLikelihood.logScore(1e-3)).isBetween(0.25, 0.5);
  }

  @Test
  void shouldComputeTheNormalUpperTail() {
    assertThat(AnomalyLikelihood.upperTail(0.0)).isCloseTo(0.5, within(1e-12));
    assertThat(AnomalyLikelihood.upperTail(1.959963985)).isCloseTo(0.025, within(1e-9));
    assertThat(AnomalyLikelihood.upperTail(4.264890794)).isCloseTo(1e-5, within(1e-9));
    assertThat(AnomalyLikelihood.upperTail(-3.0)).isCloseTo(0.99865, within(1e-5));
  }

  @Test
  void shouldReportNoEvidenceWhileLearning() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(10, 1000, 300, 1e-3);
    Random random = new Random(1);
    for (int i = 0; i < 300; i++) {
      double raw = i == 150 ? 1.0 : 0.1 * random.nextDouble();
      assertThat(likelihood.next(raw)).as("row %d", i).isEqualTo(0.5);
    }
  }

  @Test
  void shouldStayBelowTheAlarmOnAStationaryRawScoreStream() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(10, 1000, 300, 1e-3);
    Random random = new Random(2);
    double smallestTail = 1.0;
    for (int i = 0; i < 20_000; i++) {
      double tail = likelihood.next(0.05 + 0.1 * random.nextDouble());
      smallestTail = Math.min(smallestTail, tail);
    }
    assertThat(smallestTail).isGreaterThan(ALARM_TAIL);
  }

  @Test
  void shouldRaiseTheLikelihoodAboveTheBoundWhenTheRawScoreLevelShifts() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(10, 1000, 300, 1e-3);
    Random random = new Random(3);
    for (int i = 0; i < 2_000; i++) {
      assertThat(likelihood.next(0.05 + 0.1 * random.nextDouble())).isGreaterThan(ALARM_TAIL);
    }
    int firstAlarm = -1;
    for (int i = 0; i < 10 && firstAlarm < 0; i++) {
      if (likelihood.next(0.35 + 0.1 * random.nextDouble()) < ALARM_TAIL) {
        firstAlarm = i;
      }
    }
    assertThat(firstAlarm).as("rows after the shift until L > 1 - 1e-5").isBetween(0, 9);
  }

  @Test
  void shouldNotAlarmOnAShiftSmallerThanTheStandardDeviationFloor() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(10, 1000, 300, 0.1);
    Random random = new Random(4);
    for (int i = 0; i < 2_000; i++) {
      likelihood.next(0.05 + 0.1 * random.nextDouble());
    }
    for (int i = 0; i < 50; i++) {
      assertThat(likelihood.next(0.35 + 0.1 * random.nextDouble())).isGreaterThan(ALARM_TAIL);
    }
  }

  @Test
  void shouldLearnANewRawScoreLevel() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(10, 500, 300, 1e-3);
    Random random = new Random(5);
    for (int i = 0; i < 1_000; i++) {
      likelihood.next(0.05 + 0.1 * random.nextDouble());
    }
    for (int i = 0; i < 1_000; i++) {
      likelihood.next(0.35 + 0.1 * random.nextDouble());
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(likelihood.next(0.35 + 0.1 * random.nextDouble())).isGreaterThan(ALARM_TAIL);
    }
  }
}
