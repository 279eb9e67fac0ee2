package io.tickwatch.stats.anomaly;

class EnsembleDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return new EnsembleDetector();
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.001;
  }
}
