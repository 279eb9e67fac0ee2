package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryLeakDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return new MemoryLeakDetector();
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.01; // one-sided 99 % bound on the slope
  }

  /** A single spike is not a trend. */
  @Override
  protected boolean detectsSpike() {
    return false;
  }

  @Override
  protected int detectionDelaySamples() {
    return 60;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.05, 0.2})
  void shouldEstimateAKnownLeakAndItsTimeToExhaustion(double slopePercentPerSecond) {
    MemoryLeakDetector d = new MemoryLeakDetector();
    Random random = new Random(3);
    double start = 40.0;
    int samples = 100;
    for (int i = 0; i < samples; i++) {
      d.score(i * 1_000L, start + slopePercentPerSecond * i + 0.2 * random.nextGaussian());
    }
    LeakAssessment a = d.assessment();
    assertThat(a.leaking()).isTrue();
    assertThat(a.slopePerSecond()).isCloseTo(slopePercentPerSecond, within(0.005));
    assertThat(a.slopeLowerBoundPerSecond()).isBetween(0.0, a.slopePerSecond());
    double current = start + slopePercentPerSecond * (samples - 1);
    double expectedMillis = (100.0 - current) / slopePercentPerSecond * 1_000.0;
    assertThat((double) a.timeToExhaustionMillis())
        .isCloseTo(expectedMillis, within(expectedMillis * 0.1));
  }

  @Test
  void shouldAlarmOnlyWhenExhaustionFallsWithinTheHorizon() {
    // 0.01 %/s from 40 %: ~100 min to exhaustion, beyond the 1 h horizon
    MemoryLeakDetector slow = new MemoryLeakDetector();
    MemoryLeakDetector fast = new MemoryLeakDetector();
    double slowScore = 0;
    double fastScore = 0;
    for (int i = 0; i < 100; i++) {
      slowScore = slow.score(i * 1_000L, 40 + 0.01 * i);
      fastScore = fast.score(i * 1_000L, 40 + 0.1 * i);
    }
    assertThat(slow.assessment().leaking()).isTrue();
    assertThat(slowScore).isGreaterThan(0.0).isLessThan(AnomalyDetector.ALARM);
    assertThat(fastScore).isGreaterThanOrEqualTo(AnomalyDetector.ALARM);
  }

  @Test
  void shouldNotReportALeakForFlatNoisyMemory() {
    MemoryLeakDetector d = new MemoryLeakDetector();
    Random random = new Random(5);
    for (int i = 0; i < 100; i++) {
      d.score(i * 1_000L, 60 + random.nextGaussian());
    }
    assertThat(d.assessment().timeToExhaustionMillis())
        .isEqualTo(
            d.assessment().leaking() ? d.assessment().timeToExhaustionMillis() : Long.MAX_VALUE);
    assertThat(d.assessment().slopePerSecond()).isCloseTo(0.0, within(0.02));
  }
}
