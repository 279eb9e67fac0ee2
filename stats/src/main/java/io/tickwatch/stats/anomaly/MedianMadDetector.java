package io.tickwatch.stats.anomaly;

/**
 * Robust z-score: the distance of each value from the median of the previous {@code windowSize}
 * values, in units of their scaled median absolute deviation ({@code 1.4826 MAD}, a consistent
 * estimate of sigma for Gaussian data, insensitive to the outliers it is looking for). When the MAD
 * is 0 (quantised or mostly constant data) the scale falls back to 1 % of the window's range, and
 * to silence when the window is constant.
 *
 * <p>Score: {@code r / (r + sigmas)} with {@code r} the robust z; {@link #ALARM} at {@code r =
 * sigmas}.
 */
public final class MedianMadDetector implements AnomalyDetector {

  private static final double MAD_TO_SIGMA = 1.4826;

  private final SortedWindow window;
  private final int minPoints;
  private final double sigmas;

  public MedianMadDetector(int windowSize, int minPoints, double sigmas) {
    if (minPoints < 3 || minPoints > windowSize || !(sigmas > 0)) {
      throw new IllegalArgumentException("need 3 <= minPoints <= windowSize and sigmas > 0");
    }
    this.window = new SortedWindow(windowSize);
    this.minPoints = minPoints;
    this.sigmas = sigmas;
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    double result = 0.0;
    if (window.size() >= minPoints) {
      double r = robustZ(window, value);
      result = r / (r + sigmas);
    }
    window.add(value);
    return result;
  }

  /** |value - median| / robust sigma of {@code w}; 0 when {@code w} is constant. */
  static double robustZ(SortedWindow w, double value) {
    double median = w.median();
    double scale = MAD_TO_SIGMA * w.mad(median);
    if (!(scale > 0)) {
      scale = 0.01 * (w.max() - w.min());
    }
    if (!(scale > 0)) {
      return value == median ? 0.0 : 1e6;
    }
    return Math.abs(value - median) / scale;
  }
}
