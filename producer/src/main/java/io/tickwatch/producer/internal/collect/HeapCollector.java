package io.tickwatch.producer.internal.collect;

import java.util.List;

/** Heap in use ({@code totalMemory - freeMemory}); cheap enough for every slot. */
public final class HeapCollector implements SystemCollector {

  private final Runtime runtime = Runtime.getRuntime();
  private final int cadenceMillis;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public HeapCollector(int cadenceMillis) {
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("heap.used.bytes");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public void collect(long nowNanos, double[] out) {
    out[0] = runtime.totalMemory() - runtime.freeMemory();
  }
}
