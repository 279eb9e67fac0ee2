package io.tickwatch.producer.internal.collect;

import java.nio.file.Path;
import java.util.List;

/**
 * Resident set size from {@code /proc/self/statm} (second field, in pages; the same number as
 * {@code VmRSS} in {@code /proc/self/status}, from a shorter file).
 */
public final class RssCollector implements SystemCollector {

  private static final Path STATM = Path.of("/proc/self/statm");
  private static final long PAGE_BYTES = 4096;

  private final ProcFile file = new ProcFile(STATM, 256);
  private final int cadenceMillis;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public RssCollector(int cadenceMillis) {
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("memory.rss.bytes");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public boolean available() {
    return ProcFile.readable(STATM);
  }

  @Override
  public void collect(long nowNanos, double[] out) throws Exception {
    int length = file.read();
    long pages = file.number(0, length, 1);
    out[0] = pages < 0 ? Double.NaN : pages * PAGE_BYTES;
  }

  @Override
  public void close() {
    file.close();
  }
}
