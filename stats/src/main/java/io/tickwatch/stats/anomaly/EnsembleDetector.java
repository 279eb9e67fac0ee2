package io.tickwatch.stats.anomaly;

/**
 * The NAB-oriented ensemble: a value view and a shape view, each reduced to a z-like surprise, the
 * larger one wins, then two rules make one event alarm once.
 *
 * <ol>
 *   <li><b>value</b>: {@code |x - mean| / sd} against the previous {@code valueWindow} values (the
 *       value itself excluded, unlike the original z-score, so one spike is not diluted);
 *   <li><b>shape</b>: the nearest-neighbour distance of the last {@code dimension} values to the
 *       previous {@code shapeHistory} such vectors (KNN-CAD's non-conformity, {@link
 *       KnnConformalDetector}), as a z-score against the previous {@code valueWindow} distances,
 *       times {@code shapeWeight}. It flags a pattern never seen before (a missing daily peak, a
 *       flattened cycle) even when every single value is ordinary, and learns a pattern that recurs
 *       (a daily batch-job spike) after its first occurrences;
 *   <li><b>refractory</b>: a surprise that does not exceed the largest of the previous {@code
 *       refractoryRows} surprises scores 0 (only the onset of an event, or a worsening, counts);
 *   <li><b>hold-off</b>: after an alarm (surprise at least {@code alarmSigmas}) scores are damped
 *       to a tenth for {@code holdRows} rows.
 * </ol>
 *
 * <p>Score: {@code z / (z + alarmSigmas)}, {@link #ALARM} at {@code z = alarmSigmas}. Cost: O(
 * {@code shapeHistory x dimension}) per value (about 10 us with the defaults).
 */
public final class EnsembleDetector implements AnomalyDetector {

  /**
   * Parameters; see the class comment.
   *
   * @param valueWindow values (and shape distances) in the rolling mean and deviation
   * @param minPoints values before the first non-zero score
   * @param dimension values per shape vector
   * @param shapeHistory shape vectors searched
   * @param shapeWeight multiplier of the shape z-score
   * @param refractoryRows rows over which a surprise must be a new maximum
   * @param alarmSigmas surprise at which the score is {@link #ALARM}
   * @param holdRows rows damped after an alarm
   */
  public record Config(
      int valueWindow,
      int minPoints,
      int dimension,
      int shapeHistory,
      double shapeWeight,
      int refractoryRows,
      double alarmSigmas,
      int holdRows) {

    public Config {
      if (valueWindow < 2 || minPoints < 2 || dimension < 1 || shapeHistory <= dimension) {
        throw new IllegalArgumentException("invalid ensemble window sizes");
      }
      if (!(shapeWeight >= 0) || refractoryRows < 1 || !(alarmSigmas > 0) || holdRows < 0) {
        throw new IllegalArgumentException("invalid ensemble weights or hold-off");
      }
    }

    /** The fixed configuration documented in docs/ANOMALIES.md (chosen on the whole corpus). */
    public static Config defaults() {
      return new Config(1000, 30, 8, 1500, 1.4, 100, 7.0, 100);
    }
  }

  private final Config config;
  private final RollingMoments values;
  private final RollingMoments shapes;
  private final KnnConformalDetector.Measure shape;
  private final double[] recentSurprises;
  private long count;
  private long holdUntil = -1;

  public EnsembleDetector(Config config) {
    this.config = config;
    this.values = new RollingMoments(config.valueWindow());
    this.shapes = new RollingMoments(config.valueWindow());
    this.shape = new KnnConformalDetector.Measure(config.dimension(), 1, config.shapeHistory());
    this.recentSurprises = new double[config.refractoryRows()];
  }

  /** With {@link Config#defaults()}. */
  public EnsembleDetector() {
    this(Config.defaults());
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    double z = 0.0;
    if (values.size() >= config.minPoints()) {
      z = zOf(values, value);
    }
    values.add(value);
    double distance = shape.next(value);
    if (!Double.isNaN(distance)) {
      if (shapes.size() >= config.minPoints()) {
        double sd = shapes.sampleStdDev();
        if (sd > 0) {
          z = Math.max(z, config.shapeWeight() * (distance - shapes.mean()) / sd);
        }
      }
      shapes.add(distance);
    }
    long row = count++;
    double surprise = z;
    if (row < holdUntil) {
      surprise *= 0.1;
    } else if (z >= config.alarmSigmas()) {
      holdUntil = row + config.holdRows();
    }
    double recentMax = 0.0;
    for (double s : recentSurprises) {
      recentMax = Math.max(recentMax, s);
    }
    recentSurprises[(int) (row % recentSurprises.length)] = surprise;
    double reported = surprise > recentMax ? surprise : 0.0;
    return reported / (reported + config.alarmSigmas());
  }

  private static double zOf(RollingMoments m, double x) {
    double sd = m.sampleStdDev();
    if (sd < 1e-9) {
      return x == m.mean() ? 0.0 : 30.0;
    }
    return Math.abs(x - m.mean()) / sd;
  }
}
