package io.tickwatch.stats.anomaly;

/**
 * k-nearest-neighbour conformal anomaly detection, after KNN-CAD (Burnaev &amp; Ishimtsev, 2016):
 * the last {@code dimension} values form an embedding vector; its non-conformity is the mean
 * Euclidean distance to its {@code k} nearest neighbours among the previous {@code history}
 * embeddings (excluding the {@code dimension} most recent, which overlap it); the conformal p-value
 * ranks that distance among the last {@code calibration} distances. Catches contextual anomalies (a
 * shape never seen before) that value-based detectors miss. O(history x dimension) per value.
 *
 * <p>Score: {@code ln(1/p) / (ln(1/p) + ln(1/alpha))}, {@link #ALARM} at {@code p = alpha}.
 */
public final class KnnConformalDetector implements AnomalyDetector {

  private final Measure measure;
  private final ConformalCalibrator calibrator;
  private final int minCalibration;

  /**
   * @param dimension embedding length (values per vector)
   * @param k neighbours averaged
   * @param history embeddings kept as the reference set
   * @param calibration distances kept for the p-value
   * @param alpha significance at which the score is {@link #ALARM}
   */
  public KnnConformalDetector(int dimension, int k, int history, int calibration, double alpha) {
    this.measure = new Measure(dimension, k, history);
    this.calibrator = new ConformalCalibrator(calibration, alpha);
    this.minCalibration = Math.min(calibration, 30);
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    double m = measure.next(value);
    if (Double.isNaN(m)) {
      return 0.0;
    }
    double result = 0.0;
    if (calibrator.size() >= minCalibration) {
      result = calibrator.scoreOf(calibrator.pValue(m));
    }
    calibrator.add(m);
    return result;
  }

  /** The k-NN non-conformity of each new embedding; NaN while the reference set is too small. */
  static final class Measure implements java.io.Serializable {
    private final int dimension;
    private final int k;
    private final int history;
    private final double[] recent;
    private final double[] embeddings;
    private final double[] nearest;
    private long count;
    private int stored;
    private int nextSlot;

    Measure(int dimension, int k, int history) {
      if (dimension < 1 || k < 1 || history < k + dimension) {
        throw new IllegalArgumentException("need dimension, k >= 1, history >= k + dimension");
      }
      this.dimension = dimension;
      this.k = k;
      this.history = history;
      this.recent = new double[dimension];
      this.embeddings = new double[history * dimension];
      this.nearest = new double[k];
    }

    double next(double value) {
      System.arraycopy(recent, 1, recent, 0, dimension - 1);
      recent[dimension - 1] = value;
      count++;
      if (count < dimension) {
        return Double.NaN;
      }
      double result = Double.NaN;
      int usable = stored - dimension;
      if (usable >= k) {
        result = nonConformity(usable);
      }
      System.arraycopy(recent, 0, embeddings, nextSlot * dimension, dimension);
      nextSlot = (nextSlot + 1) % history;
      if (stored < history) {
        stored++;
      }
      return result;
    }

    /** Mean distance to the k nearest of the {@code usable} oldest stored embeddings. */
    private double nonConformity(int usable) {
      java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
      int oldest = stored < history ? 0 : nextSlot;
      for (int j = 0; j < usable; j++) {
        int base = ((oldest + j) % history) * dimension;
        double d = 0;
        double worst = nearest[k - 1];
        for (int i = 0; i < dimension && d < worst; i++) {
          double diff = embeddings[base + i] - recent[i];
          d += diff * diff;
        }
        if (d < worst) {
          int at = k - 1;
          while (at > 0 && nearest[at - 1] > d) {
            nearest[at] = nearest[at - 1];
            at--;
          }
          nearest[at] = d;
        }
      }
      double sum = 0;
      for (double d : nearest) {
        sum += Math.sqrt(d);
      }
      return sum / k;
    }
  }
}
