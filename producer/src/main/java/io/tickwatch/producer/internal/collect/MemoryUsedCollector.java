package io.tickwatch.producer.internal.collect;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code memory.used.percent}: how much of the memory this process may use is in use, in percent.
 *
 * <ul>
 *   <li>Inside a cgroup with a finite memory limit below the host's {@code MemTotal} (a container
 *       with a limit, a Kubernetes pod): working set / limit × 100, where working set = usage −
 *       {@code inactive_file} as the kubelet computes it, because that limit is what an OOM kill
 *       obeys ({@link CgroupMemory}; cgroup v2 preferred, v1 understood).
 *   <li>Otherwise (no limit, or the limit was lifted at run time): the host, (MemTotal −
 *       MemAvailable) / MemTotal × 100 from {@code /proc/meminfo}.
 * </ul>
 *
 * <p>Unavailable (series absent) without {@code /proc/meminfo}, i.e. off Linux; NaN for a run whose
 * numbers are missing. The cgroup is resolved once, in {@link #available()}; each run re-reads two
 * or three small files through reused buffers, without allocating.
 */
public final class MemoryUsedCollector implements SystemCollector {

  private final Path root;
  private final Path meminfoPath;
  private final ProcFile meminfo;
  private final int cadenceMillis;
  private CgroupMemory cgroup;

  /** Creates the collector for this host, run every {@code cadenceMillis}. */
  public MemoryUsedCollector(int cadenceMillis) {
    this(cadenceMillis, Path.of("/"));
  }

  /** Reads {@code proc/...} and the cgroup files under {@code root} instead of {@code /}. */
  MemoryUsedCollector(int cadenceMillis, Path root) {
    this.root = root;
    this.meminfoPath = root.resolve("proc/meminfo");
    this.meminfo = new ProcFile(meminfoPath, 8192);
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("memory.used.percent");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public boolean available() {
    if (!ProcFile.readable(meminfoPath)) {
      return false;
    }
    long memTotalBytes;
    try {
      meminfo.read();
      memTotalBytes = kibToBytes(meminfo.lineNumber("MemTotal:"));
    } catch (Exception e) {
      return false;
    }
    if (cgroup != null) {
      cgroup.close();
    }
    cgroup = CgroupMemory.resolve(root, memTotalBytes);
    return true;
  }

  /** The cgroup directory whose limit is used, or null for the host's memory. */
  Path cgroupDirectory() {
    return cgroup == null ? null : cgroup.directory();
  }

  @Override
  public void collect(long nowNanos, double[] out) throws Exception {
    double percent = cgroup == null ? Double.NaN : cgroup.usedPercent();
    out[0] = Double.isNaN(percent) ? hostPercent() : percent;
  }

  private double hostPercent() throws Exception {
    meminfo.read();
    long total = meminfo.lineNumber("MemTotal:");
    long available = meminfo.lineNumber("MemAvailable:");
    if (total <= 0 || available < 0) {
      return Double.NaN;
    }
    return 100.0 * Math.max(0, total - available) / total;
  }

  private static long kibToBytes(long kib) {
    return kib < 0 ? -1 : kib * 1024;
  }

  @Override
  public void close() {
    meminfo.close();
    if (cgroup != null) {
      cgroup.close();
    }
  }
}
