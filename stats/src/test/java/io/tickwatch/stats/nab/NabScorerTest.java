package io.tickwatch.stats.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {

  private static final long MINUTE = 60_000L;

  /** 100 rows one minute apart (probation 15 rows), one window on rows 60..69. */
  private static NabSeries series() {
    long[] ts = new long[100];
    double[] values = new double[100];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = i * MINUTE;
    }
    return new NabSeries(
        "cat", "s.csv", ts, values, List.of(new NabWindow(60 * MINUTE, 69 * MINUTE)));
  }

  private static double[] detectionsAt(int... rows) {
    double[] scores = new double[100];
    for (int r : rows) {
      scores[r] = 1.0;
    }
    return scores;
  }

  private static ThresholdScore scoreOf(double[] scores, NabProfile profile) {
    return NabScorer.scoreAt(List.of(NabScorer.sweep(series(), scores, profile)), profile, 1.0);
  }

  @Test
  void shouldMatchTheScaledSigmoidAtItsLandmarks() {
    assertThat(NabScorer.scaledSigmoid(-1.0)).isCloseTo(0.98661, within(1e-5));
    assertThat(NabScorer.scaledSigmoid(-0.5)).isCloseTo(0.84828, within(1e-5));
    assertThat(NabScorer.scaledSigmoid(0.0)).isEqualTo(0.0);
    assertThat(NabScorer.scaledSigmoid(1.0)).isCloseTo(-0.98661, within(1e-5));
    assertThat(NabScorer.scaledSigmoid(3.0)).isEqualTo(-1.0);
  }

  @Test
  void shouldUseNabsProbationaryLength() {
    assertThat(series().probationaryRows()).isEqualTo(15);
    long[] ts = new long[10_000];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = i;
    }
    assertThat(new NabSeries("c", "f", ts, new double[ts.length], List.of()).probationaryRows())
        .isEqualTo(750);
  }

  @Test
  void shouldScorePerfectDetectorAt100AndNullDetectorAt0() {
    for (NabProfile profile : NabProfile.ALL) {
      List<SweptSeries> perfect = List.of(NabScorer.sweep(series(), detectionsAt(60), profile));
      ThresholdScore best = NabScorer.optimise(perfect, profile);
      assertThat(best.rawScore()).isCloseTo(profile.tpWeight(), within(1e-12));
      assertThat(NabScorer.normalise(best.rawScore(), best.windows(), profile))
          .isCloseTo(100.0, within(1e-9));

      List<SweptSeries> none = List.of(NabScorer.sweep(series(), new double[100], profile));
      ThresholdScore nullBest = NabScorer.optimise(none, profile);
      assertThat(nullBest.threshold()).isEqualTo(NabScorer.NO_DETECTION_THRESHOLD);
      assertThat(NabScorer.normalise(nullBest.rawScore(), nullBest.windows(), profile))
          .isCloseTo(0.0, within(1e-9));
    }
  }

  @Test
  void shouldChargeExactlyTheFpWeightForAFalsePositiveBeforeAnyWindow() {
    ThresholdScore s = scoreOf(detectionsAt(60, 30), NabProfile.STANDARD);
    assertThat(s.rawScore()).isCloseTo(1.0 - 0.11, within(1e-12));
    assertThat(s.falsePositives()).isEqualTo(1);
    assertThat(NabScorer.normalise(s.rawScore(), 1, NabProfile.STANDARD))
        .isCloseTo(100 * (0.89 + 1) / 2, within(1e-9));
    assertThat(scoreOf(detectionsAt(60, 30), NabProfile.REWARD_LOW_FP).rawScore())
        .isCloseTo(1.0 - 0.22, within(1e-12));
  }

  @Test
  void shouldChargeLessForAFalsePositiveCloseAfterAWindow() {
    // row 75 is 6 rows after the window's right edge (69), window width 10:
    // position 6/9, cost 0.11 * (2 / (1 + e^(10/3)) - 1)
    double expectedFp = 0.11 * (2.0 / (1.0 + Math.exp(5.0 * 6.0 / 9.0)) - 1.0);
    ThresholdScore s = scoreOf(detectionsAt(60, 75), NabProfile.STANDARD);
    assertThat(s.rawScore()).isCloseTo(1.0 + expectedFp, within(1e-12));
    assertThat(expectedFp).isCloseTo(-0.10242, within(1e-5));
  }

  @Test
  void shouldRewardADetectionAtTheWindowsStartFullyAndAtItsEndLittle() {
    assertThat(scoreOf(detectionsAt(60), NabProfile.STANDARD).rawScore())
        .isCloseTo(1.0, within(1e-12));
    // last row: position -(69 - 69 + 1) / 10 = -0.1
    double end = (2.0 / (1.0 + Math.exp(-0.5)) - 1.0) / NabScorer.scaledSigmoid(-1.0);
    assertThat(scoreOf(detectionsAt(69), NabProfile.STANDARD).rawScore())
        .isCloseTo(end, within(1e-12));
    assertThat(end).isCloseTo(0.24824, within(1e-5));
    // only the earliest detection in a window counts
    assertThat(scoreOf(detectionsAt(65, 69), NabProfile.STANDARD).rawScore())
        .isEqualTo(scoreOf(detectionsAt(65), NabProfile.STANDARD).rawScore());
  }

  @Test
  void shouldChargeTheFnWeightForAMissedWindowPerProfile() {
    assertThat(scoreOf(new double[100], NabProfile.STANDARD).rawScore()).isEqualTo(-1.0);
    assertThat(scoreOf(new double[100], NabProfile.REWARD_LOW_FN).rawScore()).isEqualTo(-2.0);
  }

  @Test
  void shouldIgnoreDetectionsInTheProbationaryPeriod() {
    ThresholdScore s = scoreOf(detectionsAt(3, 60), NabProfile.STANDARD);
    assertThat(s.rawScore()).isCloseTo(1.0, within(1e-12));
    assertThat(s.falsePositives()).isZero();
  }

  @Test
  void shouldPickTheThresholdThatMaximisesTheCorpusScore() {
    double[] scores = new double[100];
    scores[60] = 0.6; // the true detection
    scores[30] = 0.9; // a stronger false alarm
    scores[40] = 0.3; // a weaker false alarm
    List<SweptSeries> swept = List.of(NabScorer.sweep(series(), scores, NabProfile.STANDARD));
    ThresholdScore best = NabScorer.optimise(swept, NabProfile.STANDARD);
    assertThat(best.threshold()).isEqualTo(0.6);
    assertThat(best.rawScore()).isCloseTo(1.0 - 0.11, within(1e-12));
    assertThat(best.detectedWindows()).isEqualTo(1);
    assertThat(best.falsePositives()).isEqualTo(1);
  }

  @Test
  void shouldNormaliseOverSeveralSeriesWithWindowsCountedOnce() {
    List<SweptSeries> two =
        List.of(
            NabScorer.sweep(series(), detectionsAt(60), NabProfile.STANDARD),
            NabScorer.sweep(series(), new double[100], NabProfile.STANDARD));
    ThresholdScore best = NabScorer.optimise(two, NabProfile.STANDARD);
    assertThat(best.windows()).isEqualTo(2);
    assertThat(best.rawScore()).isCloseTo(0.0, within(1e-12));
    assertThat(NabScorer.normalise(best.rawScore(), 2, NabProfile.STANDARD))
        .isCloseTo(50.0, within(1e-9));
  }
}
