package io.tickwatch.stats.anomaly;

class KnnConformalDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return new KnnConformalDetector(10, 3, 1500, 1000, 0.005);
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 0.005;
  }
}
