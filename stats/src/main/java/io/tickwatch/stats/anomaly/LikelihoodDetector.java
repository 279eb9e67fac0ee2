package io.tickwatch.stats.anomaly;

/**
 * An "anomaly likelihood" post-processor (after Ahmad et al. 2017, "Unsupervised real-time anomaly
 * detection for streaming data", the step that lifted Numenta's HTM on NAB) over the {@link
 * EnsembleDetector}'s raw surprise.
 *
 * <ol>
 *   <li><b>raw score</b>: the ensemble's combined surprise {@code z} ({@link
 *       EnsembleDetector#surprise}), squashed to {@code r = z / (z + alarmSigmas)} in [0,1);
 *   <li><b>likelihood</b>: the mean of the last {@code shortWindow} raw scores, compared with a
 *       normal distribution fitted to the previous {@code longWindow} such short means: {@code L =
 *       1 - Q((shortMean - mean) / max(sd, minSd))} ({@link AnomalyLikelihood}). It flags a
 *       sustained rise in surprise (a noisier or otherwise changed regime) that no single value
 *       shows;
 *   <li><b>log score</b>: {@code log(1 - L + 1e-10) / log(1e-10)}, so {@link #ALARM} is {@code L =
 *       1 - 1e-5}, as in NAB's HTM detector;
 *   <li><b>instant view</b>: the larger of the log score and {@code instantWeight} times the
 *       ensemble's own score {@code z / (z + alarmSigmas)} (a single extreme value alarms at once);
 *   <li><b>spatial novelty</b> (optional): a value more than {@code spatialTolerance} times the
 *       range seen so far beyond its minimum or maximum scores 1 (HTM's "spatial anomaly"; we learn
 *       the range causally instead of being given it);
 *   <li><b>hold-off</b> and <b>refractory</b> as in the ensemble: after an alarm scores are damped
 *       to a tenth for {@code holdRows} rows, and a score that does not exceed the largest of the
 *       previous {@code refractoryRows} scores reports 0.
 * </ol>
 *
 * <p>Cost: the ensemble's surprise plus O(1) per value (the refractory scan aside).
 */
public final class LikelihoodDetector implements AnomalyDetector {

  /**
   * Parameters; see the class comment.
   *
   * @param surprise the ensemble's views (its refractory and hold-off settings are not used)
   * @param shortWindow raw scores averaged into the short-term mean
   * @param longWindow short means in the fitted normal distribution
   * @param learningRows short means before the likelihood is used
   * @param minSd lower bound of the fitted standard deviation
   * @param instantWeight multiplier of the ensemble's instant score, 0 to use the likelihood only
   * @param spatialTolerance fraction of the seen range beyond which a value scores 1, negative to
   *     disable
   * @param refractoryRows rows over which a score must be a new maximum
   * @param holdRows rows damped after an alarm
   */
  public record Config(
      EnsembleDetector.Config surprise,
      int shortWindow,
      int longWindow,
      int learningRows,
      double minSd,
      double instantWeight,
      double spatialTolerance,
      int refractoryRows,
      int holdRows)
      implements java.io.Serializable {

    public Config {
      if (surprise == null || shortWindow < 1 || longWindow < 2 || learningRows < 2) {
        throw new IllegalArgumentException("invalid likelihood windows");
      }
      if (!(minSd > 0) || !(instantWeight >= 0) || Double.isNaN(spatialTolerance)) {
        throw new IllegalArgumentException("invalid likelihood weights");
      }
      if (refractoryRows < 1 || holdRows < 0) {
        throw new IllegalArgumentException("invalid refractory or hold-off");
      }
    }

    /** The fixed configuration documented in docs/ANOMALIES.md. */
    public static Config defaults() {
      return new Config(EnsembleDetector.Config.defaults(), 20, 3000, 300, 0.06, 1.0, 0.1, 100, 50);
    }
  }

  private final Config config;
  private final EnsembleDetector ensemble;
  private final AnomalyLikelihood likelihood;
  private final double[] recentScores;
  private long count;
  private long holdUntil = -1;
  private long seen;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public LikelihoodDetector(Config config) {
    this.config = config;
    this.ensemble = new EnsembleDetector(config.surprise());
    this.likelihood =
        new AnomalyLikelihood(
            config.shortWindow(), config.longWindow(), config.learningRows(), config.minSd());
    this.recentScores = new double[config.refractoryRows()];
  }

  /** With {@link Config#defaults()}. */
  public LikelihoodDetector() {
    this(Config.defaults());
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    double alarmSigmas = config.surprise().alarmSigmas();
    double z = ensemble.surprise(timestampMillis, value);
    double raw = z / (z + alarmSigmas);
    double s = AnomalyLikelihood.logScore(likelihood.next(raw));
    s = Math.max(s, config.instantWeight() * raw);
    if (spatiallyNovel(value)) {
      s = 1.0;
    }
    s = Math.min(1.0, s);
    long row = count++;
    if (row < holdUntil) {
      s *= 0.1;
    } else if (s >= ALARM) {
      holdUntil = row + config.holdRows();
    }
    double recentMax = 0.0;
    for (double r : recentScores) {
      recentMax = Math.max(recentMax, r);
    }
    recentScores[(int) (row % recentScores.length)] = s;
    return s > recentMax ? s : 0.0;
  }

  private boolean spatiallyNovel(double value) {
    boolean novel = false;
    if (config.spatialTolerance() >= 0 && seen >= config.surprise().minPoints()) {
      double tolerance = config.spatialTolerance() * (max - min);
      novel = max > min && (value > max + tolerance || value < min - tolerance);
    }
    seen++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    return novel;
  }
}
