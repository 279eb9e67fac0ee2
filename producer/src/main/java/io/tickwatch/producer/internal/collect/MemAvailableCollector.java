package io.tickwatch.producer.internal.collect;

import java.nio.file.Path;
import java.util.List;

/** System memory available for new work, {@code MemAvailable} from {@code /proc/meminfo}. */
public final class MemAvailableCollector implements SystemCollector {

  private static final Path MEMINFO = Path.of("/proc/meminfo");

  private final ProcFile file = new ProcFile(MEMINFO, 8192);
  private final int cadenceMillis;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public MemAvailableCollector(int cadenceMillis) {
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("memory.available.bytes");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public boolean available() {
    return ProcFile.readable(MEMINFO);
  }

  @Override
  public void collect(long nowNanos, double[] out) throws Exception {
    int length = file.read();
    int at = file.indexAfter("MemAvailable:", 0);
    long kib = at < 0 ? -1 : file.number(at, file.indexOf((byte) '\n', at), 0);
    out[0] = kib < 0 ? Double.NaN : kib * 1024.0;
    if (length == 0) {
      out[0] = Double.NaN;
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
