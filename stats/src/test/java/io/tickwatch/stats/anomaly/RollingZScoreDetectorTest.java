package io.tickwatch.stats.anomaly;

class RollingZScoreDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return new RollingZScoreDetector();
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.0027;
  }
}
