package io.tickwatch.producer.internal.collect;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Cumulative GC pause time and collection count over every collector of the JVM. */
public final class GcCollector implements SystemCollector {

  private final GarbageCollectorMXBean[] beans =
      ManagementFactory.getGarbageCollectorMXBeans().toArray(new GarbageCollectorMXBean[0]);
  private final int cadenceMillis;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public GcCollector(int cadenceMillis) {
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("gc.pause.total.millis", "gc.count.total");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public void collect(long nowNanos, double[] out) {
    long millis = 0;
    long count = 0;
    for (GarbageCollectorMXBean bean : beans) {
      millis += Math.max(0, bean.getCollectionTime());
      count += Math.max(0, bean.getCollectionCount());
    }
    out[0] = millis;
    out[1] = count;
  }
}
