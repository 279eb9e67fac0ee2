package io.tickwatch.stats.anomaly;

class MedianMadDetectorTest extends AnomalyDetectorContractTest {

  @Override
  protected AnomalyDetector newDetector() {
    return new MedianMadDetector(500, 30, 5.0);
  }

  @Override
  protected double configuredFalsePositiveRate() {
    return 1e-4;
  }
}
