package io.tickwatch.producer.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real collectors on this host: plausible values, no exceptions. Linux-only parts assumed. */
class SystemCollectorsTest {

  private static double[] collectTwice(SystemCollector collector) throws Exception {
    double[] out = new double[collector.seriesNames().size()];
    collector.collect(System.nanoTime(), out);
    // burn a little CPU so rates have something to measure
    long x = 0;
    for (int i = 0; i < 5_000_000; i++) {
      x += i ^ (x << 1);
    }
    out = new double[collector.seriesNames().size()];
    collector.collect(System.nanoTime() + (x & 1), out);
    collector.close();
    return out;
  }

  @Test
  void shouldReadProcFilesOnLinux() throws Exception {
    assumeTrue(new RssCollector(1).available(), "no /proc on this host");

    assertThat(collectTwice(new RssCollector(1))[0]).isGreaterThan(1 << 20);
    assertThat(collectTwice(new MemAvailableCollector(1))[0]).isGreaterThan(1 << 20);
    SystemCpuCollector cpu = new SystemCpuCollector(1);
    double[] load = new double[1];
    // /proc/stat counts in 10 ms ticks: the first reading is the baseline, later ones are NaN
    // until the counters move
    io.tickwatch.producer.Await.until(
        "a system CPU reading",
        () -> {
          try {
            cpu.collect(System.nanoTime(), load);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return !Double.isNaN(load[0]);
        });
    cpu.close();
    assertThat(load[0]).isBetween(0.0, 100.0);
    double[] net = collectTwice(new NetDevCollector(1));
    assertThat(net[0]).isGreaterThanOrEqualTo(0.0);
    assertThat(net[1]).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void shouldReadJvmMetrics() throws Exception {
    assertThat(collectTwice(new HeapCollector(1))[0]).isPositive();
    double[] gc = collectTwice(new GcCollector(1));
    assertThat(gc[0]).isGreaterThanOrEqualTo(0.0);
    double[] cpu = collectTwice(new ProcessCpuCollector(1));
    assertThat(cpu[1]).isPositive();
    assertThat(collectTwice(new AllocationRateCollector(1))[0]).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void shouldNeverFakeCacheMissesWhenPerfCannotCountThem() {
    PerfCacheMissCollector perf = new PerfCacheMissCollector(100);
    double[] out = new double[2];

    boolean available = perf.available();
    perf.collect(System.nanoTime(), out);
    perf.close();

    if (!available) {
      // unsupported here: the sampler leaves the series out, and the collector reports no reading
      assertThat(out[0]).isNaN();
      assertThat(out[1]).isNaN();
    }
    assertThat(perf.seriesNames())
        .isEqualTo(List.of("cache.misses.per.second", "cache.miss.percent"));
  }

  @Test
  void shouldReportAPercentageOfTheMemoryInUseOnLinux() throws Exception {
    MemoryUsedCollector memory = new MemoryUsedCollector(100);
    assumeTrue(memory.available(), "no /proc/meminfo on this host");

    assertThat(collectTwice(memory)[0]).isGreaterThan(0.0).isLessThanOrEqualTo(100.0);
  }
}
