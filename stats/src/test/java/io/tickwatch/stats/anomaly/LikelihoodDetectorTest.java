package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LikelihoodDetectorTest extends AnomalyDetectorContractTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final long STEP_MILLIS = 1_000L;

  @Override
  protected AnomalyDetector newDetector() {
    return new LikelihoodDetector();
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.001;
  }

  /** The likelihood path alone: no instant score, no spatial novelty. */
  private static LikelihoodDetector likelihoodOnly() {
    LikelihoodDetector.Config d = LikelihoodDetector.Config.defaults();
    return new LikelihoodDetector(
        new LikelihoodDetector.Config(
            d.surprise(),
            d.shortWindow(),
            d.longWindow(),
            d.learningRows(),
            d.minSd(),
            0.0,
            -1.0,
            d.refractoryRows(),
            d.holdRows()));
  }

  @Test
  void shouldAlarmOnASustainedRiseInSurpriseThroughTheLikelihoodAlone() {
    LikelihoodDetector detector = likelihoodOnly();
    Random random = new Random(31);
    int onset = 3_000;
    int firstAlarm = -1;
    for (int i = 0; i < onset + 200 && firstAlarm < 0; i++) {
      double noise = random.nextGaussian() * (i >= onset ? 5.0 : 1.0);
      double s = detector.score(T0 + i * STEP_MILLIS, 50.0 + noise);
      if (s >= AnomalyDetector.ALARM) {
        firstAlarm = i;
      }
    }
    assertThat(firstAlarm)
        .as("first alarm (noise x5 from row %d)", onset)
        .isBetween(onset, onset + 60);
  }

  @Test
  void shouldStayQuietThroughTheLikelihoodAloneOnStationaryNoise() {
    LikelihoodDetector detector = likelihoodOnly();
    Random random = new Random(32);
    for (int i = 0; i < 20_000; i++) {
      double s = detector.score(T0 + i * STEP_MILLIS, 50.0 + random.nextGaussian());
      assertThat(s).as("row %d", i).isLessThan(AnomalyDetector.ALARM);
    }
  }

  @Test
  void shouldFlagAValueBeyondTheLearnedRangeThatIsNotSurprisingByZScore() {
    LikelihoodDetector detector = new LikelihoodDetector();
    EnsembleDetector ensemble = new EnsembleDetector();
    Random random = new Random(33);
    for (int i = 0; i < 1_200; i++) {
      double v = 10.0 * random.nextDouble();
      detector.score(T0 + i * STEP_MILLIS, v);
      ensemble.score(T0 + i * STEP_MILLIS, v);
    }
    long t = T0 + 1_200 * STEP_MILLIS;
    // range [0, 10], tolerance 10 % of it: 11.5 is novel, yet only ~2.3 sd from the mean
    assertThat(ensemble.score(t, 11.5)).isLessThan(AnomalyDetector.ALARM);
    assertThat(detector.score(t, 11.5)).isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
  }

  @Test
  void shouldNotFlagAValueInsideTheToleranceOfTheLearnedRange() {
    LikelihoodDetector detector = new LikelihoodDetector();
    Random random = new Random(34);
    for (int i = 0; i < 1_200; i++) {
      detector.score(T0 + i * STEP_MILLIS, 10.0 * random.nextDouble());
    }
    assertThat(detector.score(T0 + 1_200 * STEP_MILLIS, 10.5)).isLessThan(AnomalyDetector.ALARM);
  }
}
