package io.tickwatch.stats.anomaly;

/**
 * Ordinary least-squares line over the last {@code capacity} (time, value) points, with the slope's
 * standard error. Times are kept relative to the first point ever added (seconds) to keep the sums
 * well conditioned. O(capacity) per fit; plain fields only.
 */
final class LeastSquaresTrend implements java.io.Serializable {

  private final double[] xs;
  private final double[] ys;
  private int size;
  private int next;
  private long originMillis = Long.MIN_VALUE;

  LeastSquaresTrend(int capacity) {
    if (capacity < 3) {
      throw new IllegalArgumentException("capacity must be >= 3");
    }
    this.xs = new double[capacity];
    this.ys = new double[capacity];
  }

  void add(long timestampMillis, double value) {
    if (originMillis == Long.MIN_VALUE) {
      originMillis = timestampMillis;
    }
    xs[next] = (timestampMillis - originMillis) / 1000.0;
    ys[next] = value;
    next = (next + 1) % xs.length;
    if (size < xs.length) {
      size++;
    }
  }

  int size() {
    return size;
  }

  /** Fits the line; fields of the result are NaN with fewer than three points or no time spread. */
  Fit fit() {
    if (size < 3) {
      return Fit.NONE;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < size; i++) {
      mx += xs[i];
      my += ys[i];
    }
    mx /= size;
    my /= size;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < size; i++) {
      double dx = xs[i] - mx;
      sxx += dx * dx;
      sxy += dx * (ys[i] - my);
    }
    if (!(sxx > 0)) {
      return Fit.NONE;
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double ssr = 0;
    double lastX = xs[(next - 1 + xs.length) % xs.length];
    for (int i = 0; i < size; i++) {
      double r = ys[i] - (intercept + slope * xs[i]);
      ssr += r * r;
    }
    double slopeStdErr = Math.sqrt(ssr / (size - 2) / sxx);
    return new Fit(slope, slopeStdErr, intercept + slope * lastX, my, size - 2);
  }

  /**
   * A fitted line.
   *
   * @param slopePerSecond value units per second
   * @param slopeStdErr standard error of the slope
   * @param fittedNow the line's value at the newest point
   * @param mean mean of the values
   * @param degreesOfFreedom points minus two
   */
  record Fit(
      double slopePerSecond,
      double slopeStdErr,
      double fittedNow,
      double mean,
      int degreesOfFreedom) {
    static final Fit NONE = new Fit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    boolean isValid() {
      return !Double.isNaN(slopePerSecond);
    }
  }
}
