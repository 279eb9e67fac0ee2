package io.tickwatch.producer.internal.collect;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Process CPU time and usage. The JVM reports process CPU time in clock ticks (10 ms on Linux), so
 * usage is computed over a trailing window of {@link #WINDOW} readings to keep the quantisation
 * noise small.
 */
public final class ProcessCpuCollector implements SystemCollector {

  static final int WINDOW = 10;

  private final com.sun.management.OperatingSystemMXBean os;
  private final int processors = Runtime.getRuntime().availableProcessors();
  private final int cadenceMillis;
  private final long[] cpuRing = new long[WINDOW];
  private final long[] wallRing = new long[WINDOW];
  private int readings;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public ProcessCpuCollector(int cadenceMillis) {
    this.os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("cpu.process.percent", "cpu.time.nanos");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public boolean available() {
    return os.getProcessCpuTime() >= 0;
  }

  @Override
  public void collect(long nowNanos, double[] out) {
    long cpu = os.getProcessCpuTime();
    int slot = readings % WINDOW;
    double percent = Double.NaN;
    if (readings >= 1) {
      int oldest = readings >= WINDOW ? slot : 0;
      long wall = nowNanos - wallRing[oldest];
      if (wall > 0) {
        percent = 100.0 * (cpu - cpuRing[oldest]) / ((double) wall * processors);
      }
    }
    cpuRing[slot] = cpu;
    wallRing[slot] = nowNanos;
    readings++;
    out[0] = percent;
    out[1] = cpu;
  }
}
