package io.tickwatch.stats.anomaly;

/**
 * Turns a non-conformity measure into a conformal p-value against the last {@code capacity}
 * measures, and the p-value into a score with {@link AnomalyDetector#ALARM} at significance {@code
 * alpha}: {@code s = ln(1/p) / (ln(1/p) + ln(1/alpha))}.
 */
final class ConformalCalibrator implements java.io.Serializable {

  private final SortedWindow history;
  private final double logInverseAlpha;

  ConformalCalibrator(int capacity, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0,1)");
    }
    this.history = new SortedWindow(capacity);
    this.logInverseAlpha = Math.log(1 / alpha);
  }

  int size() {
    return history.size();
  }

  /** The p-value of {@code measure} (share of past measures at least as large, smoothed). */
  double pValue(double measure) {
    int n = history.size();
    double atLeast = n * (1.0 - history.fractionBelow(measure));
    return (atLeast + 1.0) / (n + 1.0);
  }

  /** The score of a p-value: 0.5 at alpha, increasing as p shrinks. */
  double scoreOf(double pValue) {
    double surprise = Math.log(1 / pValue);
    return surprise / (surprise + logInverseAlpha);
  }

  void add(double measure) {
    history.add(measure);
  }
}
