package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The "art-ensemble" catalogue detector: the larger of the ART and ensemble scores. */
class MaxScoreDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return DetectorCatalog.factory("art-ensemble").create();
  }

  /** At most the sum of the members' rates (ART 0.002, ensemble 0.001). */
  @Override
  protected double configuredFalsePositiveRate() {
    return 0.003;
  }

  @Test
  void shouldReportTheLargestMemberScore() {
    AnomalyDetector low = (t, v) -> 0.2;
    AnomalyDetector high = (t, v) -> v;
    MaxScoreDetector d = new MaxScoreDetector(List.of(low, high));

    assertThat(d.score(0L, 0.7)).isEqualTo(0.7);
    assertThat(d.score(1L, 0.1)).isEqualTo(0.2);
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
    MaxScoreDetector d = new MaxScoreDetector(List.of(first, second));
    for (int i = 0; i < 5; i++) {
      d.score(i, i);
    }
    assertThat(calls).containsExactly(5, 5);
  }

  @Test
  void shouldRequireAMember() {
    assertThatThrownBy(() -> new MaxScoreDetector(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
