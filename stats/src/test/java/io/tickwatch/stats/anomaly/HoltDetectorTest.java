package io.tickwatch.stats.anomaly;

class HoltDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return new HoltDetector(0.3, 0.01, 0.02, 30, 5.0);
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 1e-4;
  }

  /** Holt's trend term follows a steady ramp by design: it flags breaks, not trends. */
  @Override
  protected boolean detectsRamp() {
    return false;
  }
}
