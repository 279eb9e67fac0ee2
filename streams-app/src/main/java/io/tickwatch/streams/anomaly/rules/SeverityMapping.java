package io.tickwatch.streams.anomaly.rules;

import io.tickwatch.avro.Severity;

/**
 * How a rule turns a score into a severity: a fixed severity, or score bands (a score at or above
 * {@code emergency} is EMERGENCY, at or above {@code critical} CRITICAL, otherwise WARNING).
 *
 * @param fixed the severity of every event of the rule, or null to use the bands
 * @param critical lowest score that is CRITICAL, in [0.5, 1]
 * @param emergency lowest score that is EMERGENCY, in [critical, 1]
 */
public record SeverityMapping(Severity fixed, double critical, double emergency) {

  /** Bands 0.75 (critical) and 0.9 (emergency, where the closed loop may act). */
  public static final SeverityMapping DEFAULT = new SeverityMapping(null, 0.75, 0.9);

  /** The severity of an alarming score. */
  public Severity of(double score) {
    if (fixed != null) {
      return fixed;
    }
    if (score >= emergency) {
      return Severity.EMERGENCY;
    }
    return score >= critical ? Severity.CRITICAL : Severity.WARNING;
  }
}
