package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DegradationScorerTest {

  @Test
  void shouldStayQuietWhenMetricsAreFlat() {
    DegradationScorer s = new DegradationScorer();
    Random random = new Random(1);
    Degradation d = null;
    for (int i = 0; i < 200; i++) {
      d = s.update(i * 1_000L, 50 + random.nextGaussian(), 20 + random.nextGaussian(), 5);
    }
    assertThat(d.degrading()).isFalse();
    assertThat(d.score()).isLessThan(AnomalyDetector.ALARM);
  }

  @Test
  void shouldFlagRisingCpuAndLatency() {
    DegradationScorer s = new DegradationScorer();
    Degradation d = null;
    for (int i = 0; i < 100; i++) {
      // CPU +30 % and latency +50 % of their means across the window
      d = s.update(i * 1_000L, 50 + 0.15 * i, 20 + 0.1 * i, 5);
    }
    assertThat(d.cpuTrend()).isCloseTo(14.85 / 57.425, within(1e-6));
    assertThat(d.composite())
        .isCloseTo(
            0.4 * d.cpuTrend() + 0.4 * d.latencyTrend() + 0.2 * d.cacheMissTrend(), within(1e-12));
    assertThat(d.degrading()).isTrue();
    assertThat(d.score()).isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
  }

  @Test
  void shouldNotFlagImprovingMetrics() {
    DegradationScorer s = new DegradationScorer();
    Degradation d = null;
    for (int i = 0; i < 100; i++) {
      d = s.update(i * 1_000L, 80 - 0.2 * i, 60 - 0.3 * i, 9 - 0.05 * i);
    }
    assertThat(d.composite()).isNegative();
    assertThat(d.score()).isZero();
  }

  @Test
  void shouldHonourConfiguredWeights() {
    DegradationScorer cacheOnly =
        new DegradationScorer(new DegradationScorer.Config(100, 0, 0, 1, 0.2));
    Degradation d = null;
    for (int i = 0; i < 100; i++) {
      d = cacheOnly.update(i * 1_000L, 50 + i, 20 + i, 5);
    }
    assertThat(d.composite()).isZero();
    assertThat(d.degrading()).isFalse();
  }
}
