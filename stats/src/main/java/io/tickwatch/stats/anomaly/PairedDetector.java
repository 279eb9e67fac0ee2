package io.tickwatch.stats.anomaly;

/**
 * Two detectors on the same series reported as one: the larger of their scores, each damped to a
 * tenth for {@code holdRows} rows after the other one alarmed (so that one event is not reported
 * twice). Neither detector's own scores change.
 */
public final class PairedDetector implements AnomalyDetector {

  private final AnomalyDetector first;
  private final AnomalyDetector second;
  private final int holdRows;
  private long row;
  private long firstAlarmRow = Long.MIN_VALUE / 2;
  private long secondAlarmRow = Long.MIN_VALUE / 2;

  /**
   * @param first one detector (a fresh instance, owned by this one from now on)
   * @param second the other detector (likewise)
   * @param holdRows rows after an alarm of one detector in which the other is damped, 0 for none
   */
  public PairedDetector(AnomalyDetector first, AnomalyDetector second, int holdRows) {
    if (first == null || second == null || holdRows < 0) {
      throw new IllegalArgumentException("two detectors and a non-negative hold-off are required");
    }
    this.first = first;
    this.second = second;
    this.holdRows = holdRows;
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    long r = row++;
    double a = first.score(timestampMillis, value);
    double b = second.score(timestampMillis, value);
    if (r - secondAlarmRow <= holdRows) {
      a *= 0.1;
    }
    if (r - firstAlarmRow <= holdRows) {
      b *= 0.1;
    }
    if (a >= ALARM) {
      firstAlarmRow = r;
    }
    if (b >= ALARM) {
      secondAlarmRow = r;
    }
    return Math.max(a, b);
  }
}
