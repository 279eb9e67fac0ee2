package io.tickwatch.stats.anomaly;

/**
 * Holt's double exponential smoothing (level and trend) as an adaptive baseline: each value is
 * compared with the one-step forecast {@code level + trend}; the residual is scaled by an
 * exponentially weighted mean absolute residual ({@code * 1.2533}, the Gaussian sigma estimate).
 *
 * <p>Score: {@code r / (r + sigmas)} with {@code r = |residual| / sigma}; silent for the first
 * {@code minPoints} values.
 */
public final class HoltDetector implements AnomalyDetector {

  private static final double MEAN_ABS_TO_SIGMA = Math.sqrt(Math.PI / 2);

  private final double alpha;
  private final double beta;
  private final double deviationAlpha;
  private final int minPoints;
  private final double sigmas;
  private long count;
  private double level;
  private double trend;
  private double meanAbsResidual;

  /**
   * @param alpha level smoothing in (0,1]
   * @param beta trend smoothing in [0,1]
   * @param deviationAlpha smoothing of the mean absolute residual in (0,1]
   * @param minPoints values before the first non-zero score
   * @param sigmas alarm level in estimated standard deviations
   */
  public HoltDetector(
      double alpha, double beta, double deviationAlpha, int minPoints, double sigmas) {
    if (!(alpha > 0 && alpha <= 1) || !(beta >= 0 && beta <= 1)) {
      throw new IllegalArgumentException("need 0 < alpha <= 1 and 0 <= beta <= 1");
    }
    if (!(deviationAlpha > 0 && deviationAlpha <= 1) || minPoints < 2 || !(sigmas > 0)) {
      throw new IllegalArgumentException(
          "need 0 < deviationAlpha <= 1, minPoints >= 2, sigmas > 0");
    }
    this.alpha = alpha;
    this.beta = beta;
    this.deviationAlpha = deviationAlpha;
    this.minPoints = minPoints;
    this.sigmas = sigmas;
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    count++;
    if (count == 1) {
      level = value;
      return 0.0;
    }
    double forecast = level + trend;
    double residual = value - forecast;
    double sigma = MEAN_ABS_TO_SIGMA * meanAbsResidual;
    double result = 0.0;
    if (count > minPoints) {
      double r = sigma > 0 ? Math.abs(residual) / sigma : (residual == 0 ? 0.0 : 1e6);
      result = r / (r + sigmas);
    }
    meanAbsResidual += deviationAlpha * (Math.abs(residual) - meanAbsResidual);
    double newLevel = alpha * value + (1 - alpha) * forecast;
    trend = beta * (newLevel - level) + (1 - beta) * trend;
    level = newLevel;
    return result;
  }
}
