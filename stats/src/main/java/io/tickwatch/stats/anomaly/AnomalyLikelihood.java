package io.tickwatch.stats.anomaly;

import org.apache.commons.math3.special.Erf;

/**
 * The anomaly likelihood of a stream of raw anomaly scores (after Ahmad et al. 2017): the mean of
 * the last {@code shortWindow} raw scores, judged against a normal distribution fitted to the
 * previous {@code longWindow} such short means. {@code L = 1 - Q((shortMean - mean) / sd)}, where
 * {@code Q} is the normal upper tail and {@code sd} is at least {@code minSd}; 0.5 ("no evidence")
 * while fewer than {@code learningRows} short means are known. Plain fields only.
 */
final class AnomalyLikelihood implements java.io.Serializable {

  /** {@code log(EPSILON)}: the log score's scale, {@code 1 - L = 1e-10} maps to 1. */
  private static final double EPSILON = 1e-10;

  private final double[] recent;
  private final RollingMoments history;
  private final int learningRows;
  private final double minSd;
  private double recentSum;
  private long count;

  AnomalyLikelihood(int shortWindow, int longWindow, int learningRows, double minSd) {
    if (shortWindow < 1 || learningRows < 2 || !(minSd > 0)) {
      throw new IllegalArgumentException("invalid likelihood windows");
    }
    this.recent = new double[shortWindow];
    this.history = new RollingMoments(longWindow);
    this.learningRows = learningRows;
    this.minSd = minSd;
  }

  /**
   * The tail probability {@code 1 - L} of the short mean including {@code raw}, then records the
   * short mean in the fitted distribution. Returned as the tail (not L) so that values near 1 keep
   * their precision.
   */
  double next(double raw) {
    int slot = (int) (count % recent.length);
    recentSum += raw - recent[slot];
    recent[slot] = raw;
    count++;
    if (count % (16L * recent.length) == 0) {
      recentSum = 0;
      for (double r : recent) {
        recentSum += r;
      }
    }
    double shortMean = recentSum / Math.min(count, recent.length);
    double tail = 0.5;
    if (history.size() >= learningRows) {
      double sd = Math.max(minSd, history.sampleStdDev());
      tail = upperTail((shortMean - history.mean()) / sd);
    }
    history.add(shortMean);
    return tail;
  }

  /** The standard normal upper tail {@code Q(x) = P(X > x)}. */
  static double upperTail(double x) {
    return 0.5 * Erf.erfc(x / Math.sqrt(2.0));
  }

  /**
   * NAB's HTM log scale of a likelihood given by its tail {@code 1 - L}: {@code log(1 - L + 1e-10)
   * / log(1e-10)}, in [0,1]; 0.5 at {@code 1 - L = 1e-5}.
   */
  static double logScore(double tail) {
    double s = Math.log(tail + EPSILON) / Math.log(EPSILON);
    return Math.max(0.0, Math.min(1.0, s));
  }
}
