package io.tickwatch.stats.anomaly;

import org.apache.commons.math3.special.Gamma;

/**
 * Bayesian online changepoint detection (Adams and MacKay, 2007), reimplemented from the paper,
 * with a bounded run-length distribution.
 *
 * <p><b>Model.</b> The series is a sequence of segments; within a segment values are i.i.d.
 * Gaussian with unknown mean and variance under a Normal-Gamma prior, so a segment's predictive
 * distribution for its next value is a Student-t. A new segment starts before each value with the
 * constant hazard {@code 1 / hazardRows}. The state is the posterior over the run length (values in
 * the current segment, this one included): each hypothesis keeps its probability and the sufficient
 * statistics of its segment (count, mean, sum of squared deviations); per value, each hypothesis
 * either grows by one (probability times {@code 1 - hazard} times its predictive density of the
 * value) or a new segment of length 1 starts (the total times {@code hazard} times the prior
 * predictive density).
 *
 * <p><b>Bounded state.</b> At most {@code maxRuns} hypotheses are kept: when a new one is added,
 * the least probable of the others is dropped (Adams and MacKay's pruning, here by count).
 *
 * <p><b>Scale-free prior.</b> The prior's mean is the mean of the previous {@code window} values
 * and its variance their variance times {@code varianceScale} (prior {@code beta = alpha0 *
 * variance}); it is re-evaluated for every value, which is exact because every hypothesis keeps its
 * sufficient statistics rather than its posterior.
 *
 * <p><b>Tempering.</b> Each predictive log-density is multiplied by {@code temper} (1 = the exact
 * posterior). Real series are not i.i.d. segments; below 1 the model needs more data to believe in
 * a change (tried on NAB: it only lost detections).
 *
 * <p><b>Score.</b> The evidence of a recent change is {@code e = -log10(1 - m)} where {@code m} is
 * the posterior mass of segments of {@code minRun} to {@code shortRun} values (near 0 in a stable
 * regime, near 1 right after a level shift or a spike; with no outlier model a lone spike also
 * reads as a short segment). Uncalibrated ({@code calibrationWindow} 0): while {@code e} is at
 * least {@code gateEvidence}, the score is the size of the change, the posterior-weighted distance
 * of those recent segments' means from the rolling mean in rolling standard deviations, {@code z},
 * as {@code z / (z + alarmSigmas)}; otherwise 0. Calibrated (the default): the expected size of a
 * recent change, {@code q = sum over recent segments of P(segment) * |mean - rolling mean| / sd},
 * becomes a z-score against the previous {@code calibrationWindow} values of {@code q} (how unusual
 * this change is for this series; real series change a little all the time), scored {@code z / (z +
 * alarmSigmas)}. A score that is not a new maximum over the previous {@code refractoryRows} scores
 * is reported as 0 (one event, one alarm). Cost O({@code maxRuns}) per value.
 *
 * <p>On NAB (docs/ANOMALIES.md) it scores below the ensemble alone and adds false positives faster
 * than detections as an extra channel ({@link EnsembleCpdDetector}); kept for comparison.
 */
public final class BocpdDetector implements AnomalyDetector {

  /**
   * Parameters; see the class comment.
   *
   * @param window values in the rolling mean and variance the prior is made of
   * @param minPoints values before the first non-zero score
   * @param hazardRows expected segment length (the hazard is its reciprocal)
   * @param maxRuns run-length hypotheses kept
   * @param kappa0 prior strength of the mean, in observations
   * @param alpha0 prior shape of the precision
   * @param varianceScale prior variance relative to the rolling variance
   * @param temper power of the predictive densities (1 = the exact posterior, below 1 a tempered
   *     one that needs more data to believe in a change; real series are not i.i.d. segments)
   * @param minRun shortest segment counted as "just changed" (2 or more ignores a lone spike)
   * @param shortRun longest segment counted as "just changed"
   * @param gateEvidence evidence {@code -log10(1 - short mass)} below which the score is 0
   * @param alarmSigmas size of the change, in rolling standard deviations, scored as {@link #ALARM}
   * @param calibrationWindow 0 to score the size of the change directly; otherwise the expected
   *     size of a recent change is turned into a z-score against its own previous {@code
   *     calibrationWindow} values (how unusual this change is for this series), and {@code
   *     alarmSigmas} applies to that z-score
   * @param refractoryRows rows over which a score must be a new maximum, 0 to report every score
   */
  public record Config(
      int window,
      int minPoints,
      double hazardRows,
      int maxRuns,
      double kappa0,
      double alpha0,
      double varianceScale,
      double temper,
      int minRun,
      int shortRun,
      double gateEvidence,
      double alarmSigmas,
      int calibrationWindow,
      int refractoryRows)
      implements java.io.Serializable {

    public Config {
      if (window < 2 || minPoints < 2 || !(hazardRows > 1) || maxRuns < 2) {
        throw new IllegalArgumentException("invalid changepoint window, hazard or run count");
      }
      if (!(kappa0 > 0) || !(alpha0 > 0) || !(varianceScale > 0) || !(temper > 0)) {
        throw new IllegalArgumentException("invalid changepoint prior");
      }
      if (minRun < 1
          || shortRun < minRun
          || !(gateEvidence >= 0)
          || !(alarmSigmas > 0)
          || refractoryRows < 0) {
        throw new IllegalArgumentException("invalid short run or refractory rows");
      }
    }

    /** The fixed configuration documented in docs/ANOMALIES.md. */
    public static Config defaults() {
      return new Config(1000, 30, 250.0, 50, 0.1, 1.0, 1.0, 1.0, 2, 15, 0.0, 10.0, 1000, 100);
    }
  }

  /** Largest evidence reported (a mass of long segments of 1e-15 or less). */
  static final double MAX_EVIDENCE = 15.0;

  private static final double LOG_PI = Math.log(Math.PI);

  private final Config config;
  private final RollingMoments values;
  private final double[] probability;
  private final long[] count;
  private final double[] mean;
  private final double[] m2;
  private final double[] logWeight;
  private final double[] recentScores;
  private final RollingMoments calibration;
  private int runs;
  private long row;
  private double shiftSigmas;
  private double expectedShift;
  private double lastRaw;
  private double lastShift;

  public BocpdDetector(Config config) {
    this.config = config;
    this.values = new RollingMoments(config.window());
    this.probability = new double[config.maxRuns()];
    this.count = new long[config.maxRuns()];
    this.mean = new double[config.maxRuns()];
    this.m2 = new double[config.maxRuns()];
    this.logWeight = new double[config.maxRuns()];
    this.recentScores = new double[config.refractoryRows()];
    this.calibration =
        config.calibrationWindow() > 0 ? new RollingMoments(config.calibrationWindow()) : null;
  }

  /** With {@link Config#defaults()}. */
  public BocpdDetector() {
    this(Config.defaults());
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      lastRaw = 0.0;
      lastShift = 0.0;
      return 0.0;
    }
    double s = 0.0;
    lastShift = 0.0;
    if (values.size() >= config.minPoints()) {
      double evidence = evidence(value);
      if (calibration != null) {
        s = calibrated(expectedShift);
      } else if (evidence >= config.gateEvidence()) {
        lastShift = shiftSigmas;
        s = lastShift / (lastShift + config.alarmSigmas());
      }
    }
    values.add(value);
    lastRaw = s;
    return refractory(s);
  }

  /**
   * Updates the run-length posterior with {@code x} (starting the recursion on the first call) and
   * returns the evidence of a recent change, {@code -log10} of the mass of segments shorter than
   * {@code minRun} or longer than {@code shortRun}, at most {@link #MAX_EVIDENCE}.
   */
  double evidence(double x) {
    double mu0 = values.mean();
    double sd = values.sampleStdDev();
    double floor = 1e-9 * (1.0 + Math.abs(mu0));
    double var0 = Math.max(sd * sd, floor * floor) * config.varianceScale();
    double kappa0 = config.kappa0();
    double alpha0 = config.alpha0();
    double beta0 = alpha0 * var0;
    double hazard = 1.0 / config.hazardRows();
    double temper = config.temper();
    double priorLog = temper * logStudent(x, mu0, kappa0, alpha0, beta0);
    double logStay = Math.log1p(-hazard);
    if (runs == 0) {
      // the first value of the recursion opens the first segment with certainty
      runs = 1;
      probability[0] = 1.0;
      count[0] = 1;
      mean[0] = x;
      m2[0] = 0.0;
      return 0.0;
    }
    double maxLog = priorLog + Math.log(hazard);
    for (int i = 0; i < runs; i++) {
      long n = count[i];
      double kn = kappa0 + n;
      double mun = (kappa0 * mu0 + n * mean[i]) / kn;
      double an = alpha0 + 0.5 * n;
      double d = mean[i] - mu0;
      double bn = beta0 + 0.5 * m2[i] + kappa0 * n * d * d / (2.0 * kn);
      double lw = Math.log(probability[i]) + logStay + temper * logStudent(x, mun, kn, an, bn);
      logWeight[i] = lw;
      maxLog = Math.max(maxLog, lw);
    }
    double changeWeight = Math.exp(priorLog + Math.log(hazard) - maxLog);
    double total = changeWeight;
    for (int i = 0; i < runs; i++) {
      double w = Math.exp(logWeight[i] - maxLog);
      probability[i] = w;
      total += w;
      // grow the segment by x (Welford)
      long n = ++count[i];
      double delta = x - mean[i];
      mean[i] += delta / n;
      m2[i] += delta * (x - mean[i]);
    }
    int slot = runs;
    if (runs == probability.length) {
      slot = 0;
      for (int i = 1; i < runs; i++) {
        if (probability[i] < probability[slot]) {
          slot = i;
        }
      }
      total -= probability[slot];
    } else {
      runs++;
    }
    probability[slot] = changeWeight;
    count[slot] = 1;
    mean[slot] = x;
    m2[slot] = 0.0;
    double longMass = 0.0;
    double shortMass = 0.0;
    double shift = 0.0;
    for (int i = 0; i < runs; i++) {
      probability[i] /= total;
      if (!(probability[i] > 1e-300)) {
        probability[i] = 1e-300;
      }
      if (count[i] > config.shortRun() || count[i] < config.minRun()) {
        longMass += probability[i];
      } else {
        shortMass += probability[i];
        shift += probability[i] * Math.abs(mean[i] - mu0);
      }
    }
    double sd0 = Math.max(sd, floor);
    shiftSigmas = shortMass > 0 ? shift / shortMass / sd0 : 0.0;
    expectedShift = shift / sd0;
    return Math.min(MAX_EVIDENCE, -Math.log10(Math.max(longMass, 1e-300)));
  }

  /** The z-score of {@code q} against the previous expected shifts, as a score; then records q. */
  private double calibrated(double q) {
    double s = 0.0;
    if (calibration.size() >= config.minPoints()) {
      double sd = calibration.sampleStdDev();
      if (sd > 1e-12) {
        double z = Math.max(0.0, (q - calibration.mean()) / sd);
        s = z / (z + config.alarmSigmas());
      }
    }
    calibration.add(q);
    return s;
  }

  /**
   * The size of the last change, in rolling standard deviations, when its evidence passed the gate;
   * else 0.
   */
  double lastShiftSigmas() {
    return lastShift;
  }

  /** The last score before the refractory rule (0 for a non-finite value). */
  double lastRawScore() {
    return lastRaw;
  }

  private double refractory(double s) {
    if (recentScores.length == 0) {
      return s;
    }
    double recentMax = 0.0;
    for (double r : recentScores) {
      recentMax = Math.max(recentMax, r);
    }
    recentScores[(int) (row++ % recentScores.length)] = s;
    return s > recentMax ? s : 0.0;
  }

  /** Log density of the Normal-Gamma posterior predictive (a Student-t) at {@code x}. */
  private static double logStudent(double x, double mu, double kappa, double alpha, double beta) {
    double scale2 = beta * (kappa + 1.0) / (alpha * kappa);
    double nu = 2.0 * alpha;
    double z = (x - mu) * (x - mu) / (nu * scale2);
    return logGammaRatio(alpha)
        - 0.5 * (Math.log(nu * scale2) + LOG_PI)
        - (alpha + 0.5) * Math.log1p(z);
  }

  private static final int RATIO_TABLE = 4096;
  private static final double[] RATIO = new double[RATIO_TABLE];

  static {
    for (int k = 0; k < RATIO_TABLE; k++) {
      double a = 0.5 * (k + 1);
      RATIO[k] = Gamma.logGamma(a + 0.5) - Gamma.logGamma(a);
    }
  }

  /** {@code lnGamma(a + 1/2) - lnGamma(a)}; tabulated for half-integer steps of a. */
  static double logGammaRatio(double a) {
    double k = 2.0 * a - 1.0;
    if (k >= 0 && k < RATIO_TABLE && k == Math.rint(k)) {
      return RATIO[(int) k];
    }
    if (a > 50) {
      // asymptotic expansion
      return 0.5 * Math.log(a) - 1.0 / (8.0 * a) + 1.0 / (192.0 * a * a * a);
    }
    return Gamma.logGamma(a + 0.5) - Gamma.logGamma(a);
  }
}
