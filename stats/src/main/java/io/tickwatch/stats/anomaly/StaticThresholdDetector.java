package io.tickwatch.stats.anomaly;

/**
 * Fires when a value exceeds a fixed limit (the original design's static thresholds). Score 1 above
 * the limit, 0 otherwise.
 */
public final class StaticThresholdDetector implements AnomalyDetector {

  private final double limit;

  /**
   * @param limit values strictly above this are anomalous (in the metric's own unit)
   */
  public StaticThresholdDetector(double limit) {
    if (!Double.isFinite(limit)) {
      throw new IllegalArgumentException("limit must be finite");
    }
    this.limit = limit;
  }

  /** The limit. */
  public double limit() {
    return limit;
  }

  @Override
  public double score(long timestampMillis, double value) {
    return Double.isFinite(value) && value > limit ? 1.0 : 0.0;
  }
}
