package io.tickwatch.producer.profile;

/**
 * One overhead measurement.
 *
 * @param cpuPercentOfCore extra CPU while profiling, in percent of one core, measured against the
 *     baseline taken while not profiling
 * @param tickImpactPercent change of the median tick time against the baseline, in percent
 */
public record OverheadReading(double cpuPercentOfCore, double tickImpactPercent) {

  /** Nothing measured (no session running, or no baseline yet). */
  public static final OverheadReading NONE = new OverheadReading(0, 0);

  /** The larger of the two, the number the guard compares with its thresholds. */
  public double overheadPercent() {
    return Math.max(cpuPercentOfCore, tickImpactPercent);
  }
}
