package io.tickwatch.producer.internal.collect;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Heap allocation rate of the whole JVM: the sum of every live thread's allocated bytes,
 * differenced over the cadence. Bytes of threads that ended between two readings are missed (the
 * rate is then clamped at 0 rather than made negative).
 */
public final class AllocationRateCollector implements SystemCollector {

  private final com.sun.management.ThreadMXBean threads;
  private final int cadenceMillis;
  private long previousBytes = -1;
  private long previousNanos;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public AllocationRateCollector(int cadenceMillis) {
    this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("alloc.rate.bytes.per.second");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public boolean available() {
    return threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled();
  }

  @Override
  public void collect(long nowNanos, double[] out) {
    long[] allocated = threads.getThreadAllocatedBytes(threads.getAllThreadIds());
    long total = 0;
    for (long bytes : allocated) {
      total += Math.max(0, bytes);
    }
    if (previousBytes >= 0 && nowNanos > previousNanos) {
      out[0] = Math.max(0, total - previousBytes) / ((nowNanos - previousNanos) / 1e9);
    } else {
      out[0] = Double.NaN;
    }
    previousBytes = total;
    previousNanos = nowNanos;
  }
}
