package io.tickwatch.producer.internal.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory limit of this process's cgroup and its working set, the numbers an OOM kill and the
 * kubelet go by: working set = usage − {@code inactive_file} (page cache the kernel reclaims before
 * it kills), clamped at 0, over the limit.
 *
 * <p>Resolved once ({@link #resolve}): the process's cgroup from {@code /proc/self/cgroup}, the
 * hierarchy's mount point from {@code /proc/self/mountinfo}, then the cgroup and its ancestors up
 * to the mount point, keeping the one with the smallest finite limit (a Kubernetes pod's limit may
 * sit on the pod's cgroup rather than the container's). cgroup v2 ({@code memory.max}, {@code
 * memory.current}, {@code inactive_file}) is preferred; cgroup v1 ({@code memory.limit_in_bytes},
 * {@code memory.usage_in_bytes}, {@code total_inactive_file}) is used when the memory controller is
 * on a v1 hierarchy. A limit at or above the host's {@code MemTotal} does not bind and counts as no
 * limit. Not thread-safe; read by the sampler thread only.
 */
final class CgroupMemory implements AutoCloseable {

  private final Path directory;
  private final long memTotalBytes;
  private final ProcFile limit;
  private final ProcFile usage;
  private final ProcFile stat;
  private final String inactiveFileKey;

  private CgroupMemory(Path directory, boolean v2, long memTotalBytes) {
    this.directory = directory;
    this.memTotalBytes = memTotalBytes;
    this.limit = new ProcFile(directory.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"), 64);
    this.usage =
        new ProcFile(directory.resolve(v2 ? "memory.current" : "memory.usage_in_bytes"), 64);
    this.stat = new ProcFile(directory.resolve("memory.stat"), 8192);
    this.inactiveFileKey = v2 ? "inactive_file " : "total_inactive_file ";
  }

  /**
   * The cgroup whose limit binds this process, or null when none does (no cgroup files, no finite
   * limit below {@code memTotalBytes}, or anything unreadable). Allocates; call once.
   *
   * @param root the file-system root ({@code /}; a directory of canned files in tests)
   */
  static CgroupMemory resolve(Path root, long memTotalBytes) {
    try {
      List<String> mounts = Files.readAllLines(root.resolve("proc/self/mountinfo"));
      List<String> groups = Files.readAllLines(root.resolve("proc/self/cgroup"));
      CgroupMemory v2 = resolve(root, mounts, groups, true, memTotalBytes);
      return v2 != null ? v2 : resolve(root, mounts, groups, false, memTotalBytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static CgroupMemory resolve(
      Path root, List<String> mounts, List<String> groups, boolean v2, long memTotalBytes) {
    String[] mount = memoryMount(mounts, v2);
    String cgroupPath = cgroupPath(groups, v2);
    if (mount == null || cgroupPath == null) {
      return null;
    }
    String mountRoot = mount[0];
    Path mountDir = root.resolve(mount[1].substring(1)).normalize();
    String relative =
        !mountRoot.equals("/") && cgroupPath.startsWith(mountRoot)
            ? cgroupPath.substring(mountRoot.length())
            : cgroupPath;
    Path dir = mountDir.resolve(relative.replaceFirst("^/+", "")).normalize();
    if (!dir.startsWith(mountDir) || !Files.isDirectory(dir)) {
      dir = mountDir; // a cgroup path outside this mount's view (no cgroup namespace)
    }
    String limitFile = v2 ? "memory.max" : "memory.limit_in_bytes";
    Path best = null;
    long bestLimit = memTotalBytes <= 0 ? Long.MAX_VALUE : memTotalBytes;
    for (Path d = dir; d != null && d.startsWith(mountDir); d = d.getParent()) {
      long value = readLimit(d.resolve(limitFile));
      if (value > 0 && value < bestLimit) {
        best = d;
        bestLimit = value;
      }
    }
    return best == null ? null : new CgroupMemory(best, v2, memTotalBytes);
  }

  /** {root within the hierarchy, mount point} of the memory hierarchy, or null. */
  private static String[] memoryMount(List<String> mounts, boolean v2) {
    for (String line : mounts) {
      int separator = line.indexOf(" - ");
      if (separator < 0) {
        continue;
      }
      String[] left = line.substring(0, separator).split(" ");
      String[] right = line.substring(separator + 3).split(" ");
      if (left.length < 5 || right.length < 1) {
        continue;
      }
      boolean match =
          v2
              ? right[0].equals("cgroup2")
              : right[0].equals("cgroup")
                  && right.length >= 3
                  && List.of(right[2].split(",")).contains("memory");
      if (match) {
        return new String[] {left[3], left[4]};
      }
    }
    return null;
  }

  /** This process's path in the hierarchy ({@code 0::path} for v2, the memory line for v1). */
  private static String cgroupPath(List<String> groups, boolean v2) {
    for (String line : groups) {
      String[] fields = line.split(":", 3);
      if (fields.length < 3) {
        continue;
      }
      boolean match =
          v2
              ? fields[0].equals("0") && fields[1].isEmpty()
              : List.of(fields[1].split(",")).contains("memory");
      if (match) {
        return fields[2];
      }
    }
    return null;
  }

  private static long readLimit(Path file) {
    if (!Files.isReadable(file)) {
      return -1;
    }
    try (ProcFile limit = new ProcFile(file, 64)) {
      int length = limit.read();
      return limit.number(0, length, 0); // "max" has no number: -1
    } catch (IOException e) {
      return -1;
    }
  }

  /** The directory whose files are read. */
  Path directory() {
    return directory;
  }

  /**
   * Working set over the limit in percent, or NaN when the limit no longer binds (raised to {@code
   * max} or above {@code MemTotal}) or a file cannot be read (the cgroup was removed); never
   * throws.
   */
  double usedPercent() {
    try {
      int length = limit.read();
      long limitBytes = limit.number(0, length, 0);
      if (limitBytes <= 0 || (memTotalBytes > 0 && limitBytes >= memTotalBytes)) {
        return Double.NaN;
      }
      length = usage.read();
      long usageBytes = usage.number(0, length, 0);
      if (usageBytes < 0) {
        return Double.NaN;
      }
      stat.read();
      long inactiveFile = stat.lineNumber(inactiveFileKey);
      long workingSet = Math.max(0, usageBytes - Math.max(0, inactiveFile));
      return 100.0 * workingSet / limitBytes;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  @Override
  public void close() {
    limit.close();
    usage.close();
    stat.close();
  }
}
