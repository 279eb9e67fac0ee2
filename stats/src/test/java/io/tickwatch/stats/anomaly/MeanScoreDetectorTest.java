package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The "art-likelihood-cad" catalogue detector: the mean of the art-likelihood and CAD scores. */
class MeanScoreDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return DetectorCatalog.factory("art-likelihood-cad").create();
  }

  /**
   * A mean reaches ALARM only if some member does: at most the sum of the members' rates
   * (art-likelihood 0.003, CAD 0.001).
   */
  @Override
  protected double configuredFalsePositiveRate() {
    return 0.004;
  }

  @Test
  void shouldReportTheMeanOfTheMemberScores() {
    AnomalyDetector low = (t, v) -> 0.2;
    AnomalyDetector echo = (t, v) -> v;
    MeanScoreDetector d = new MeanScoreDetector(List.of(low, echo));

    assertThat(d.score(0L, 0.8)).isEqualTo(0.5);
    assertThat(d.score(1L, 0.0)).isEqualTo(0.1);
  }

  @Test
  void shouldNotAlarmOnOneMembersModerateScore() {
    AnomalyDetector quiet = (t, v) -> 0.0;
    AnomalyDetector alarmed = (t, v) -> 0.9;
    MeanScoreDetector d = new MeanScoreDetector(List.of(quiet, alarmed));

    assertThat(d.score(0L, 1.0)).isLessThan(AnomalyDetector.ALARM);
  }

  @Test
  void shouldFeedEveryMemberEverySample() {
    int[] calls = new int[2];
    AnomalyDetector first =
        (t, v) -> {
          calls[0]++;
          return 1.0;
        };
    AnomalyDetector second =
        (t, v) -> {
          calls[1]++;
          return 0.0;
        };
    MeanScoreDetector d = new MeanScoreDetector(List.of(first, second));
    for (int i = 0; i < 5; i++) {
      d.score(i, i);
    }
    assertThat(calls).containsExactly(5, 5);
  }

  @Test
  void shouldRequireAMember() {
    assertThatThrownBy(() -> new MeanScoreDetector(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
