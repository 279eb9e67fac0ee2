package io.tickwatch.stats.anomaly;

/**
 * The NAB-oriented ensemble: a value view and two shape views, each reduced to a z-like surprise,
 * the value view discounted when the context explains it, the largest one wins, then two rules make
 * one event alarm once.
 *
 * <ol>
 *   <li><b>value</b>: {@code |x - mean| / sd} against the previous {@code valueWindow} values (the
 *       value itself excluded, unlike the original z-score, so one spike is not diluted);
 *   <li><b>shape</b>: the nearest-neighbour distance of the last {@code dimension} values to the
 *       previous {@code shapeHistory} such vectors (KNN-CAD's non-conformity, {@link
 *       KnnConformalDetector}), as a z-score against the previous {@code valueWindow} distances,
 *       times {@code shapeWeight}. It flags a pattern never seen before (a missing daily peak, a
 *       flattened cycle) even when every single value is ordinary, and learns a pattern that recurs
 *       after its first occurrences;
 *   <li><b>slow shape</b>: the same on the means of {@code slowFactor} consecutive values (a
 *       context {@code slowFactor} times longer) against the previous {@code slowHistory} such
 *       vectors, times {@code slowWeight}, evaluated once every {@code slowFactor} values: a slower
 *       pattern that changed (a missing bump, a new rhythm);
 *   <li><b>context</b>: the value surprise is multiplied by {@code familiarShapeFactor} when the
 *       shape distance is below its mean (the recent pattern is a familiar one), and by {@code
 *       seasonalFactor} when the value lies within the range seen at the same time of day (UTC,
 *       {@code seasonalSlotMinutes} slots, one slot either side) on an earlier day;
 *   <li><b>hold-off</b>: after an alarm (surprise at least {@code alarmSigmas}) scores are damped
 *       to a tenth for {@code holdRows} rows;
 *   <li><b>refractory</b>: a score that does not exceed the largest of the previous {@code
 *       refractoryRows} scores is reported as 0 (only the onset of an event, or a worsening,
 *       counts).
 * </ol>
 *
 * <p>Score: {@code z / (z + alarmSigmas)}, {@link #ALARM} at {@code z = alarmSigmas}. Cost: O(
 * {@code (shapeHistory + slowHistory / slowFactor) x dimension}) per value, dominated by the
 * nearest-neighbour scans (see docs/ANOMALIES.md).
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
   * @param slowFactor values averaged into one slow-shape value, 0 to disable the slow view
   * @param slowHistory slow-shape vectors searched
   * @param slowWeight multiplier of the slow-shape z-score
   * @param familiarShapeFactor multiplier of the value surprise when the shape is familiar
   * @param seasonalSlotMinutes time-of-day slot width (divides 1440), 0 to disable
   * @param seasonalFactor multiplier of the value surprise when the time of day explains it
   * @param refractoryRows rows over which a score must be a new maximum
   * @param alarmSigmas surprise at which the score is {@link #ALARM}
   * @param holdRows rows damped after an alarm
   */
  public record Config(
      int valueWindow,
      int minPoints,
      int dimension,
      int shapeHistory,
      double shapeWeight,
      int slowFactor,
      int slowHistory,
      double slowWeight,
      double familiarShapeFactor,
      int seasonalSlotMinutes,
      double seasonalFactor,
      int refractoryRows,
      double alarmSigmas,
      int holdRows)
      implements java.io.Serializable {

    public Config {
      if (valueWindow < 2 || minPoints < 2 || dimension < 1 || shapeHistory <= dimension) {
        throw new IllegalArgumentException("invalid ensemble window sizes");
      }
      if (slowFactor < 0 || (slowFactor > 0 && slowHistory <= dimension) || !(slowWeight >= 0)) {
        throw new IllegalArgumentException("invalid slow-shape view");
      }
      if (!(shapeWeight >= 0) || !(familiarShapeFactor >= 0) || !(seasonalFactor >= 0)) {
        throw new IllegalArgumentException("invalid ensemble weights");
      }
      if (seasonalSlotMinutes < 0 || refractoryRows < 1 || !(alarmSigmas > 0) || holdRows < 0) {
        throw new IllegalArgumentException("invalid ensemble slots or hold-off");
      }
    }

    /** The fixed configuration documented in docs/ANOMALIES.md (chosen on the whole corpus). */
    public static Config defaults() {
      return new Config(1000, 30, 8, 1000, 1.0, 4, 500, 2.0, 0.5, 30, 0.3, 100, 7.0, 50);
    }
  }

  /**
   * The default serial version of the class before the {@link #surprise} hook was added, pinned so
   * that stored detector states (same fields) stay readable.
   */
  private static final long serialVersionUID = -3826950357453337040L;

  private final Config config;
  private final RollingMoments values;
  private final RollingMoments shapes;
  private final KnnConformalDetector.Measure shape;
  private final KnnConformalDetector.Measure slowShape;
  private final RollingMoments slowShapes;
  private final SeasonalEnvelope seasons;
  private final double[] recentScores;
  private long count;
  private double slowSum;
  private int slowCount;
  private long holdUntil = -1;

  public EnsembleDetector(Config config) {
    this.config = config;
    this.values = new RollingMoments(config.valueWindow());
    this.shapes = new RollingMoments(config.valueWindow());
    this.shape = new KnnConformalDetector.Measure(config.dimension(), 1, config.shapeHistory());
    this.slowShape =
        config.slowFactor() > 0
            ? new KnnConformalDetector.Measure(config.dimension(), 1, config.slowHistory())
            : null;
    this.slowShapes = new RollingMoments(config.valueWindow());
    this.seasons =
        config.seasonalSlotMinutes() > 0
            ? new SeasonalEnvelope(config.seasonalSlotMinutes(), 1)
            : null;
    this.recentScores = new double[config.refractoryRows()];
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
    double z = surprise(timestampMillis, value);
    long row = count++;
    double s = z / (z + config.alarmSigmas());
    if (row < holdUntil) {
      s *= 0.1;
    } else if (z >= config.alarmSigmas()) {
      holdUntil = row + config.holdRows();
    }
    double recentMax = 0.0;
    for (double r : recentScores) {
      recentMax = Math.max(recentMax, r);
    }
    recentScores[(int) (row % recentScores.length)] = s;
    return s > recentMax ? s : 0.0;
  }

  /**
   * The combined surprise of a finite {@code value} (steps 1 to 4 of the class comment: the largest
   * view after the context discounts), updating the views but not the hold-off or refractory state.
   * Package-private hook for detectors that post-process the surprise ({@link LikelihoodDetector});
   * {@link #score} calls it exactly once per finite value.
   */
  double surprise(long timestampMillis, double value) {
    double z = 0.0;
    if (values.size() >= config.minPoints()) {
      z = zOf(values, value);
    }
    values.add(value);
    if (seasons != null && seasons.explainsAndRecord(timestampMillis, value)) {
      z *= config.seasonalFactor();
    }
    double distance = shape.next(value);
    if (!Double.isNaN(distance)) {
      if (shapes.size() >= config.minPoints()) {
        double sd = shapes.sampleStdDev();
        if (sd > 0) {
          double shapeZ = (distance - shapes.mean()) / sd;
          if (shapeZ < 0) {
            z *= config.familiarShapeFactor();
          }
          z = Math.max(z, config.shapeWeight() * shapeZ);
        }
      }
      shapes.add(distance);
    }
    if (slowShape != null) {
      z = Math.max(z, config.slowWeight() * slowShapeZ(value));
    }
    return z;
  }

  /** The slow-shape z-score, computed once every {@code slowFactor} values, else 0. */
  private double slowShapeZ(double value) {
    slowSum += value;
    if (++slowCount < config.slowFactor()) {
      return 0.0;
    }
    double distance = slowShape.next(slowSum / slowCount);
    slowSum = 0;
    slowCount = 0;
    if (Double.isNaN(distance)) {
      return 0.0;
    }
    double z = 0.0;
    if (slowShapes.size() >= config.minPoints()) {
      double sd = slowShapes.sampleStdDev();
      if (sd > 0) {
        z = (distance - slowShapes.mean()) / sd;
      }
    }
    slowShapes.add(distance);
    return z;
  }

  private static double zOf(RollingMoments m, double x) {
    double sd = m.sampleStdDev();
    if (sd < 1e-9) {
      return x == m.mean() ? 0.0 : 30.0;
    }
    return Math.abs(x - m.mean()) / sd;
  }
}
