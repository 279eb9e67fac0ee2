package io.tickwatch.producer.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** memory.used.percent from canned /proc and cgroup files: host, cgroup v2 and v1, fallbacks. */
class MemoryUsedCollectorTest {

  private static final long GIB = 1L << 30;

  /** 16 GiB host, 4 GiB available: 75 % used. */
  private static final String MEMINFO =
      """
      MemTotal:       16777216 kB
      MemFree:         1048576 kB
      MemAvailable:    4194304 kB
      Buffers:          102400 kB
      Cached:          3145728 kB
      """;

  private static final String V2_MOUNTINFO =
      "25 1 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2"
          + " rw,nsdelegate\n";

  /** This VM's layout: v1 memory controller, an empty unified hierarchy beside it. */
  private static final String HYBRID_MOUNTINFO =
      """
      31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
      32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
      35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
      41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
      """;

  @TempDir Path root;

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private double collect(MemoryUsedCollector collector) throws Exception {
    double[] out = new double[1];
    collector.collect(0, out);
    return out[0];
  }

  private void v2Cgroup(String dir, String max, long currentBytes, long inactiveFileBytes)
      throws IOException {
    write(dir + "/memory.max", max + "\n");
    write(dir + "/memory.current", currentBytes + "\n");
    write(
        dir + "/memory.stat",
        "anon 1000\nfile 2000\nactive_anon 10\ninactive_anon 20\nactive_file 999999\n"
            + "inactive_file "
            + inactiveFileBytes
            + "\nslab 5\n");
  }

  @Test
  void shouldReportTheHostsUsedMemoryWithoutACgroupLimit() throws Exception {
    write("proc/meminfo", MEMINFO);
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);

    assertThat(collector.available()).isTrue();
    assertThat(collector.cgroupDirectory()).isNull();
    assertThat(collect(collector)).isCloseTo(75.0, within(1e-9));
    assertThat(collector.seriesNames()).containsExactly("memory.used.percent");
  }

  @Test
  void shouldUseTheWorkingSetOverTheCgroupV2LimitInAContainer() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", V2_MOUNTINFO);
    write("proc/self/cgroup", "0::/\n");
    // 2 GiB limit, 1.5 GiB charged of which 0.25 GiB reclaimable page cache: 62.5 %
    v2Cgroup("sys/fs/cgroup", Long.toString(2 * GIB), 3 * GIB / 2, GIB / 4);
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);

    assertThat(collector.available()).isTrue();
    assertThat(collector.cgroupDirectory()).isEqualTo(root.resolve("sys/fs/cgroup"));
    assertThat(collect(collector)).isCloseTo(62.5, within(1e-9));
  }

  @Test
  void shouldTakeTheTightestLimitAmongTheCgroupsAncestors() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", V2_MOUNTINFO);
    write("proc/self/cgroup", "0::/kubepods/pod1/ctr\n");
    v2Cgroup("sys/fs/cgroup/kubepods", Long.toString(8 * GIB), 5 * GIB, 0);
    v2Cgroup("sys/fs/cgroup/kubepods/pod1", Long.toString(GIB), GIB / 2, 0);
    v2Cgroup("sys/fs/cgroup/kubepods/pod1/ctr", "max", GIB / 2, 0);
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);

    collector.available();

    assertThat(collector.cgroupDirectory()).isEqualTo(root.resolve("sys/fs/cgroup/kubepods/pod1"));
    assertThat(collect(collector)).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void shouldFallBackToTheHostWhenTheLimitIsUnsetOrAboveMemTotal() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", V2_MOUNTINFO);
    write("proc/self/cgroup", "0::/\n");
    v2Cgroup("sys/fs/cgroup", "max", GIB, 0);
    MemoryUsedCollector unlimited = new MemoryUsedCollector(100, root);
    unlimited.available();
    v2Cgroup("sys/fs/cgroup", Long.toString(64 * GIB), GIB, 0);
    MemoryUsedCollector aboveHost = new MemoryUsedCollector(100, root);
    aboveHost.available();

    assertThat(unlimited.cgroupDirectory()).isNull();
    assertThat(collect(unlimited)).isCloseTo(75.0, within(1e-9));
    assertThat(aboveHost.cgroupDirectory()).isNull();
    assertThat(collect(aboveHost)).isCloseTo(75.0, within(1e-9));
  }

  @Test
  void shouldFallBackToTheHostWhenTheLimitIsLiftedOrTheCgroupVanishes() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", V2_MOUNTINFO);
    write("proc/self/cgroup", "0::/\n");
    v2Cgroup("sys/fs/cgroup", Long.toString(2 * GIB), GIB, 0);
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);
    collector.available();
    assertThat(collect(collector)).isCloseTo(50.0, within(1e-9));

    write("sys/fs/cgroup/memory.max", "max\n");
    assertThat(collect(collector)).isCloseTo(75.0, within(1e-9));

    write("sys/fs/cgroup/memory.max", Long.toString(4 * GIB) + "\n");
    assertThat(collect(collector)).isCloseTo(25.0, within(1e-9));

    collector.close(); // reopened on the next read
    Files.delete(root.resolve("sys/fs/cgroup/memory.current"));
    assertThat(collect(collector)).isCloseTo(75.0, within(1e-9));
  }

  @Test
  void shouldReadACgroupV1MemoryControllerBesideAnEmptyUnifiedHierarchy() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", HYBRID_MOUNTINFO);
    write("proc/self/cgroup", "9:name=systemd:/\n4:memory:/process_api/abc\n1:cpu:/\n0::/\n");
    write("sys/fs/cgroup/unified/cgroup.controllers", "");
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
    write("sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes", (4 * GIB) + "\n");
    write("sys/fs/cgroup/memory/process_api/abc/memory.usage_in_bytes", (2 * GIB) + "\n");
    // v1 lists the cgroup's own counters, then hierarchical total_* ones: the total counts
    write(
        "sys/fs/cgroup/memory/process_api/abc/memory.stat",
        "cache 5\nrss 6\ninactive_file 7\nactive_file 8\ntotal_cache 9\ntotal_inactive_file "
            + GIB
            + "\n");
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);

    collector.available();

    assertThat(collector.cgroupDirectory())
        .isEqualTo(root.resolve("sys/fs/cgroup/memory/process_api/abc"));
    assertThat(collect(collector)).isCloseTo(25.0, within(1e-9));
  }

  @Test
  void shouldUseTheHostForAnUnlimitedCgroupV1() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", HYBRID_MOUNTINFO);
    write("proc/self/cgroup", "4:memory:/process_api/abc\n0::/\n");
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
    write("sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes", "9223372036854771712\n");
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);

    collector.available();

    assertThat(collector.cgroupDirectory()).isNull();
    assertThat(collect(collector)).isCloseTo(75.0, within(1e-9));
  }

  @Test
  void shouldClampAWorkingSetBelowZero() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", V2_MOUNTINFO);
    write("proc/self/cgroup", "0::/\n");
    v2Cgroup("sys/fs/cgroup", Long.toString(GIB), 1000, 5000);
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);
    collector.available();

    assertThat(collect(collector)).isZero();
  }

  @Test
  void shouldBeUnavailableWithoutProcMeminfo() {
    assertThat(new MemoryUsedCollector(100, root).available()).isFalse();
  }

  @Test
  void shouldHaveNoReadingWithoutMemAvailable() throws Exception {
    write("proc/meminfo", "MemTotal:       16777216 kB\nMemFree:         1048576 kB\n");
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);

    assertThat(collector.available()).isTrue();
    assertThat(collect(collector)).isNaN();
  }

  @Test
  void shouldIgnoreGarbledCgroupFiles() throws Exception {
    write("proc/meminfo", MEMINFO);
    write("proc/self/mountinfo", "garbage\n - \n1 2\n");
    write("proc/self/cgroup", "nonsense\n0::\n");
    MemoryUsedCollector collector = new MemoryUsedCollector(100, root);

    assertThat(collector.available()).isTrue();
    assertThat(collector.cgroupDirectory()).isNull();
    assertThat(collect(collector)).isCloseTo(75.0, within(1e-9));
  }
}
