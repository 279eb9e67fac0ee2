package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefractoryDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return new RefractoryDetector(new RollingZScoreDetector(), 100, 0.0);
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.0027;
  }

  @Test
  void shouldReportARunOfHighScoresOnlyAtItsOnset() {
    double[] inner = {0.1, 0.9, 0.8, 0.9, 0.95, 0.2};
    int[] i = {0};
    AnomalyDetector d = new RefractoryDetector((t, v) -> inner[i[0]++], 3, 0.0);
    double[] out = new double[inner.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = d.score(k, 0);
    }
    assertThat(out).containsExactly(0.1, 0.9, 0.0, 0.0, 0.95, 0.0);
  }
}
