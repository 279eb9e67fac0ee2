package io.tickwatch.stats.anomaly;

/**
 * The original design's detector: the z-score of each value against the mean and sample standard
 * deviation of the last {@code windowSize} values (including itself), silent until {@code
 * minPoints} values have been seen or when the deviation is below 1e-6. Defaults: window 1000, 30
 * points, 3 sigma.
 *
 * <p>Score: {@code |z| / (|z| + sigmas)}, so {@code |z| = sigmas} maps to {@link #ALARM} (0.5) and
 * the score grows monotonically with {@code |z|}.
 */
public final class RollingZScoreDetector implements AnomalyDetector {

  /** Original window size. */
  public static final int DEFAULT_WINDOW = 1000;

  /** Original minimum number of points. */
  public static final int DEFAULT_MIN_POINTS = 30;

  /** Original alarm level in standard deviations. */
  public static final double DEFAULT_SIGMAS = 3.0;

  private static final double MIN_STD_DEV = 1e-6;

  private final RollingMoments moments;
  private final int minPoints;
  private final double sigmas;

  /** The original design's configuration. */
  public RollingZScoreDetector() {
    this(DEFAULT_WINDOW, DEFAULT_MIN_POINTS, DEFAULT_SIGMAS);
  }

  public RollingZScoreDetector(int windowSize, int minPoints, double sigmas) {
    if (minPoints < 2 || minPoints > windowSize || !(sigmas > 0)) {
      throw new IllegalArgumentException("need 2 <= minPoints <= windowSize and sigmas > 0");
    }
    this.moments = new RollingMoments(windowSize);
    this.minPoints = minPoints;
    this.sigmas = sigmas;
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    moments.add(value);
    if (moments.size() < minPoints) {
      return 0.0;
    }
    double sd = moments.sampleStdDev();
    if (sd < MIN_STD_DEV) {
      return 0.0;
    }
    double z = Math.abs(value - moments.mean()) / sd;
    return z / (z + sigmas);
  }
}
