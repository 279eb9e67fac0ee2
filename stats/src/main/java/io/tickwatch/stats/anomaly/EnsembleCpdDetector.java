package io.tickwatch.stats.anomaly;

/**
 * The {@link EnsembleDetector} with a changepoint channel: the larger of the ensemble's score and
 * the {@link BocpdDetector}'s score (each with its own refractory rule), so that a level shift, a
 * change of variance or a drift the changepoint model sees before the ensemble's surprise reaches
 * its alarm can raise the alarm earlier. The ensemble's own scores are unchanged; a changepoint
 * score within {@code holdRows} rows after an ensemble alarm (and an ensemble score within {@code
 * holdRows} rows after a changepoint alarm) is damped to a tenth, so one event is not reported
 * twice. Optionally ({@code boost}) an ensemble onset is raised by a concurrent change instead.
 *
 * <p>Measured on NAB (docs/ANOMALIES.md): no configuration tried beats the ensemble alone; the
 * channel adds false positives faster than detections. The default is the least harmful active one
 * (uncalibrated channel, segments of 2 to 15 values, gate 2, alarm at a 6 sigma shift).
 */
public final class EnsembleCpdDetector implements AnomalyDetector {

  /**
   * Parameters.
   *
   * @param ensemble the ensemble's configuration
   * @param changepoint the changepoint channel's configuration
   * @param holdRows rows after an alarm of one channel in which the other is damped, 0 for none
   * @param boost how far an ensemble onset score {@code e} (non-zero) is raised towards 1 by a
   *     concurrent change of {@code z} rolling standard deviations that passed the changepoint
   *     gate: {@code e + boost * z / (z + alarmSigmas) * (1 - e)}; 0 for none
   */
  public record Config(
      EnsembleDetector.Config ensemble,
      BocpdDetector.Config changepoint,
      int holdRows,
      double boost)
      implements java.io.Serializable {

    public Config {
      if (ensemble == null || changepoint == null || holdRows < 0 || !(boost >= 0)) {
        throw new IllegalArgumentException("invalid ensemble-cpd configuration");
      }
    }

    /** The fixed configuration documented in docs/ANOMALIES.md. */
    public static Config defaults() {
      return new Config(
          EnsembleDetector.Config.defaults(),
          new BocpdDetector.Config(
              1000, 30, 250.0, 50, 0.1, 1.0, 1.0, 1.0, 2, 15, 2.0, 6.0, 0, 100),
          50,
          0.0);
    }
  }

  private final Config config;
  private final EnsembleDetector ensemble;
  private final BocpdDetector changepoint;
  private long row;
  private long ensembleAlarmRow = Long.MIN_VALUE / 2;
  private long changepointAlarmRow = Long.MIN_VALUE / 2;

  public EnsembleCpdDetector(Config config) {
    this.config = config;
    this.ensemble = new EnsembleDetector(config.ensemble());
    this.changepoint = new BocpdDetector(config.changepoint());
  }

  /** With {@link Config#defaults()}. */
  public EnsembleCpdDetector() {
    this(Config.defaults());
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    long r = row++;
    double e = ensemble.score(timestampMillis, value);
    double c = changepoint.score(timestampMillis, value);
    if (e > 0) {
      double z = changepoint.lastShiftSigmas();
      e += config.boost() * z / (z + config.ensemble().alarmSigmas()) * (1.0 - e);
    }
    if (r - changepointAlarmRow <= config.holdRows()) {
      e *= 0.1;
    }
    if (r - ensembleAlarmRow <= config.holdRows()) {
      c *= 0.1;
    }
    if (e >= ALARM) {
      ensembleAlarmRow = r;
    }
    if (c >= ALARM) {
      changepointAlarmRow = r;
    }
    return Math.max(e, c);
  }
}
