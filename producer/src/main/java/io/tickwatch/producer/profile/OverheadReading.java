package io.tickwatch.producer.profile;

/**
 * One overhead measurement.
 *
 * @param cpuPercentOfCore CPU of the threads profiling adds (JFR's and the profiler's), in percent
 *     of one core
 * @param tickImpactPercent change of the median tick time against the baseline taken while not
 *     profiling, in percent; informational (an incident moves it more than profiling does)
 */
public record OverheadReading(double cpuPercentOfCore, double tickImpactPercent) {

  /** Nothing measured (no session running, or no baseline yet). */
  public static final OverheadReading NONE = new OverheadReading(0, 0);

  /** The number the guard compares with its thresholds: the CPU overhead. */
  public double overheadPercent() {
    return cpuPercentOfCore;
  }
}
