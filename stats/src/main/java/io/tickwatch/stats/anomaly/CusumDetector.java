package io.tickwatch.stats.anomaly;

/**
 * Two-sided CUSUM (Page, 1954) on clipped standardised residuals, with a causal reset.
 *
 * <p>Each value's residual is {@code r = (x - mean) / sd} against the mean and sample standard
 * deviation of the values since the last reset (at most the last {@code window}), clipped to {@code
 * ±clipSigmas} so that one outlier cannot raise an alarm alone (a Huber-style robust CUSUM: spikes
 * are another detector's job). The upper and lower sums {@code S+ = max(0, S+ + r - k)} and {@code
 * S- = max(0, S- - r - k)} with the allowance {@code k = allowanceSigmas} grow only while the level
 * stays away from the reference. Score {@code S / (S + alarmSigmas)} with {@code S = max(S+, S-)},
 * {@link #ALARM} at {@code S = alarmSigmas}. On an alarm both sums and the reference are reset, so
 * the new level becomes the reference after {@code minPoints} values instead of alarming again
 * while a long window catches up. A score that is not a new maximum over the previous {@code
 * refractoryRows} scores is reported as 0. O(1) per value.
 */
public final class CusumDetector implements AnomalyDetector {

  /**
   * Parameters; see the class comment.
   *
   * @param window values in the reference mean and deviation
   * @param minPoints reference values before the first non-zero score (also after a reset)
   * @param allowanceSigmas the allowance k, in reference standard deviations
   * @param clipSigmas residuals are clipped to this many standard deviations
   * @param alarmSigmas the decision interval h (sum at which the score is {@link #ALARM})
   * @param refractoryRows rows over which a score must be a new maximum, 0 to report every score
   */
  public record Config(
      int window,
      int minPoints,
      double allowanceSigmas,
      double clipSigmas,
      double alarmSigmas,
      int refractoryRows)
      implements java.io.Serializable {

    public Config {
      if (window < 2 || minPoints < 2 || minPoints > window) {
        throw new IllegalArgumentException("invalid CUSUM window");
      }
      if (!(allowanceSigmas >= 0) || !(clipSigmas > 0) || !(alarmSigmas > 0)) {
        throw new IllegalArgumentException("invalid CUSUM allowance, clip or decision interval");
      }
      if (refractoryRows < 0) {
        throw new IllegalArgumentException("invalid refractory rows");
      }
    }

    /** The fixed configuration documented in docs/ANOMALIES.md. */
    public static Config defaults() {
      return new Config(1000, 30, 1.0, 4.0, 10.0, 100);
    }
  }

  private final Config config;
  private RollingMoments reference;
  private final double[] recentScores;
  private double upper;
  private double lower;
  private long row;

  public CusumDetector(Config config) {
    this.config = config;
    this.reference = new RollingMoments(config.window());
    this.recentScores = new double[config.refractoryRows()];
  }

  /** With {@link Config#defaults()}. */
  public CusumDetector() {
    this(Config.defaults());
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    double s = 0.0;
    if (reference.size() >= config.minPoints()) {
      double sd = reference.sampleStdDev();
      double r;
      if (sd < 1e-9 * (1.0 + Math.abs(reference.mean()))) {
        r =
            value == reference.mean()
                ? 0.0
                : Math.copySign(config.clipSigmas(), value - reference.mean());
      } else {
        r = (value - reference.mean()) / sd;
      }
      r = Math.max(-config.clipSigmas(), Math.min(config.clipSigmas(), r));
      upper = Math.max(0.0, upper + r - config.allowanceSigmas());
      lower = Math.max(0.0, lower - r - config.allowanceSigmas());
      double sum = Math.max(upper, lower);
      s = sum / (sum + config.alarmSigmas());
      if (sum >= config.alarmSigmas()) {
        upper = 0.0;
        lower = 0.0;
        reference = new RollingMoments(config.window());
      }
    }
    reference.add(value);
    return refractory(s);
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
}
