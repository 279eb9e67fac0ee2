package io.tickwatch.stats.anomaly;

/**
 * The NAB-oriented ensemble. Three scale-free views of each value, each turned into a p-value:
 *
 * <ol>
 *   <li><b>value rarity</b>: the two-sided empirical rank of the value among the previous {@code
 *       valueHistory} values (a value outside everything seen gets {@code 1/(n+1)});
 *   <li><b>level shift</b>: the same for the mean of the last {@code shortWindow} values among past
 *       such means;
 *   <li><b>shape</b>: the k-NN conformal p-value of the last {@code dimension} values ({@link
 *       KnnConformalDetector}'s measure).
 * </ol>
 *
 * The smallest p-value (Bonferroni-corrected, times 3) gives the surprise {@code ln(1/p)}. An event
 * then shows as a run of surprising values; only its first, or a stronger one, should alarm, so a
 * surprise is damped to a tenth when it does not exceed the largest surprise of the last {@code
 * refractoryRows} values. Score: {@code s / (s + ln(1/alpha))}, {@link #ALARM} at {@code p =
 * alpha}.
 */
public final class EnsembleDetector implements AnomalyDetector {

  /** Parameters; see the class comment. */
  public record Config(
      int valueHistory,
      int shortWindow,
      int dimension,
      int k,
      int knnHistory,
      int calibration,
      int refractoryRows,
      int minPoints,
      double alpha,
      boolean useValue,
      boolean useLevel,
      boolean useShape) {

    /** The configuration documented in docs/ANOMALIES.md. */
    public static Config defaults() {
      return new Config(2000, 6, 10, 3, 1500, 1000, 200, 60, 0.001, true, true, true);
    }
  }

  private final Config config;
  private final SortedWindow values;
  private final SortedWindow levels;
  private final double[] shortRing;
  private final KnnConformalDetector.Measure shape;
  private final ConformalCalibrator shapeCalibrator;
  private final double[] surprises;
  private final double logInverseAlpha;
  private long count;
  private double shortSum;

  public EnsembleDetector(Config config) {
    this.config = config;
    this.values = new SortedWindow(config.valueHistory());
    this.levels = new SortedWindow(config.valueHistory());
    this.shortRing = new double[config.shortWindow()];
    this.shape = new KnnConformalDetector.Measure(config.dimension(), config.k(), config.knnHistory());
    this.shapeCalibrator = new ConformalCalibrator(config.calibration(), config.alpha());
    this.surprises = new double[config.refractoryRows()];
    this.logInverseAlpha = Math.log(1 / config.alpha());
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    int slot = (int) (count % shortRing.length);
    shortSum += value - shortRing[slot];
    shortRing[slot] = value;
    count++;
    double p = 1.0;
    if (config.useValue() && values.size() >= config.minPoints()) {
      p = Math.min(p, twoSided(values, value));
    }
    double level = shortSum / shortRing.length;
    if (count >= shortRing.length) {
      if (config.useLevel() && levels.size() >= config.minPoints()) {
        p = Math.min(p, twoSided(levels, level));
      }
    }
    if (config.useShape()) {
      double measure = shape.next(value);
      if (!Double.isNaN(measure)) {
        if (shapeCalibrator.size() >= config.minPoints()) {
          p = Math.min(p, shapeCalibrator.pValue(measure));
        }
        shapeCalibrator.add(measure);
      }
    }
    values.add(value);
    if (count >= shortRing.length) {
      levels.add(level);
    }
    double surprise = Math.max(0.0, Math.log(1 / Math.min(1.0, 3 * p)));
    double recentMax = 0;
    for (double s : surprises) {
      recentMax = Math.max(recentMax, s);
    }
    surprises[(int) (count % surprises.length)] = surprise;
    double reported = surprise > recentMax ? surprise : 0.1 * surprise;
    return reported / (reported + logInverseAlpha);
  }

  private static double twoSided(SortedWindow w, double x) {
    int n = w.size();
    double below = w.fractionBelow(x) * n;
    double above = n - below - countEqual(w, x, below);
    double tail = Math.min(below, above);
    return Math.min(1.0, 2 * (tail + 1) / (n + 1));
  }

  private static double countEqual(SortedWindow w, double x, double below) {
    double atOrBelow = w.size() * (1.0 - fractionAbove(w, x));
    return atOrBelow - below;
  }

  private static double fractionAbove(SortedWindow w, double x) {
    return 1.0 - w.fractionAtOrBelow(x);
  }
}
