package io.tickwatch.producer.internal.collect;

import java.lang.management.ManagementFactory;
import java.util.List;

/** Whole-machine CPU usage in percent, as computed by the JVM since the previous call. */
public final class SystemCpuCollector implements SystemCollector {

  private final com.sun.management.OperatingSystemMXBean os;
  private final int cadenceMillis;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public SystemCpuCollector(int cadenceMillis) {
    this.os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("cpu.system.percent");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public void collect(long nowNanos, double[] out) {
    double load = os.getCpuLoad();
    out[0] = load < 0 ? Double.NaN : load * 100.0;
  }
}
