package io.tickwatch.stats.anomaly;

/**
 * Development helper (not a test): {@link LikelihoodDetector} at its defaults, recording per row
 * which part produced the score before hold-off and refractory: the instant view, the likelihood's
 * log score, the spatial rule; and the state of the fitted distribution (short means seen, sd, sd
 * floored). Scores equal the detector's.
 */
public final class LikelihoodProbe implements AnomalyDetector {
  private final LikelihoodDetector.Config config = LikelihoodDetector.Config.defaults();
  private final EnsembleDetector ensemble = new EnsembleDetector(config.surprise());
  private final EnsembleDetector valueOnly = new EnsembleDetector(variant(0.0, 0));
  private final EnsembleDetector noSlow = new EnsembleDetector(variant(1.0, 0));
  private final RollingMoments history = new RollingMoments(config.longWindow());
  private final double[] recent = new double[config.shortWindow()];
  private final double[] recentScores = new double[config.refractoryRows()];
  private double recentSum;
  private long n;
  private long count;
  private long holdUntil = -1;
  private long seen;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  private static EnsembleDetector.Config variant(double shapeWeight, int slowFactor) {
    EnsembleDetector.Config d = EnsembleDetector.Config.defaults();
    return new EnsembleDetector.Config(
        d.valueWindow(),
        d.minPoints(),
        d.dimension(),
        d.shapeHistory(),
        shapeWeight,
        slowFactor,
        d.slowHistory(),
        d.slowWeight(),
        d.familiarShapeFactor(),
        d.seasonalSlotMinutes(),
        d.seasonalFactor(),
        d.refractoryRows(),
        d.alarmSigmas(),
        d.holdRows());
  }

  /** Per row: raw, log score, spatial (0/1), short means seen, fitted sd, short mean, fit mean. */
  public final java.util.List<double[]> rows = new java.util.ArrayList<>();

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      rows.add(new double[9]);
      return 0.0;
    }
    double z = ensemble.surprise(timestampMillis, value);
    double raw = z / (z + config.surprise().alarmSigmas());
    double zv = valueOnly.surprise(timestampMillis, value);
    double zs = noSlow.surprise(timestampMillis, value);
    double view = zv >= z - 1e-9 ? 0 : (zs >= z - 1e-9 ? 1 : 2);
    int slot = (int) (n % recent.length);
    recentSum += raw - recent[slot];
    recent[slot] = raw;
    n++;
    if (n % (16L * recent.length) == 0) {
      recentSum = 0;
      for (double r : recent) {
        recentSum += r;
      }
    }
    double shortMean = recentSum / Math.min(n, recent.length);
    double tail = 0.5;
    double sdRaw = 0;
    long hs = history.size();
    double hm = history.mean();
    if (hs >= config.learningRows()) {
      sdRaw = history.sampleStdDev();
      double sd = Math.max(config.minSd(), sdRaw);
      tail = AnomalyLikelihood.upperTail((shortMean - hm) / sd);
    }
    history.add(shortMean);
    double log = AnomalyLikelihood.logScore(tail);
    double s = Math.max(log, config.instantWeight() * raw);
    boolean spatial = false;
    if (seen >= LikelihoodDetector.SPATIAL_MIN_POINTS) {
      double tol = config.spatialTolerance() * (max - min);
      spatial = max > min && (value > max + tol || value < min - tol);
    }
    boolean inRange = value >= min && value <= max;
    seen++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (spatial) {
      s = 1.0;
    }
    s = Math.min(1.0, s);
    rows.add(
        new double[] {raw, log, spatial ? 1 : 0, hs, sdRaw, shortMean, hm, view, inRange ? 1 : 0});
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
}
