package io.tickwatch.producer.jmh;

import io.tickwatch.producer.internal.collect.AllocationRateCollector;
import io.tickwatch.producer.internal.collect.GcCollector;
import io.tickwatch.producer.internal.collect.HeapCollector;
import io.tickwatch.producer.internal.collect.MemAvailableCollector;
import io.tickwatch.producer.internal.collect.MemoryUsedCollector;
import io.tickwatch.producer.internal.collect.NetDevCollector;
import io.tickwatch.producer.internal.collect.ProcessCpuCollector;
import io.tickwatch.producer.internal.collect.RssCollector;
import io.tickwatch.producer.internal.collect.SystemCpuCollector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of one run of each system collector (what the sampler pays per cadence). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CollectorBenchmark {

  private final double[] out = new double[2];
  private final HeapCollector heap = new HeapCollector(1);
  private final GcCollector gc = new GcCollector(10);
  private final ProcessCpuCollector processCpu = new ProcessCpuCollector(20);
  private final RssCollector rss = new RssCollector(20);
  private final SystemCpuCollector systemCpu = new SystemCpuCollector(100);
  private final MemAvailableCollector memAvailable = new MemAvailableCollector(100);
  private final MemoryUsedCollector memoryUsed = newMemoryUsed();
  private final NetDevCollector netDev = new NetDevCollector(100);
  private final AllocationRateCollector allocation = new AllocationRateCollector(100);

  @Benchmark
  public double heap() {
    heap.collect(System.nanoTime(), out);
    return out[0];
  }

  @Benchmark
  public double gc() {
    gc.collect(System.nanoTime(), out);
    return out[0];
  }

  @Benchmark
  public double processCpu() {
    processCpu.collect(System.nanoTime(), out);
    return out[0];
  }

  @Benchmark
  public double rss() throws Exception {
    rss.collect(System.nanoTime(), out);
    return out[0];
  }

  @Benchmark
  public double systemCpu() throws Exception {
    systemCpu.collect(System.nanoTime(), out);
    return out[0];
  }

  @Benchmark
  public double memAvailable() throws Exception {
    memAvailable.collect(System.nanoTime(), out);
    return out[0];
  }

  private static MemoryUsedCollector newMemoryUsed() {
    MemoryUsedCollector collector = new MemoryUsedCollector(100);
    collector.available(); // resolves the cgroup, as the sampler does before the first run
    return collector;
  }

  @Benchmark
  public double memoryUsed() throws Exception {
    memoryUsed.collect(System.nanoTime(), out);
    return out[0];
  }

  @Benchmark
  public double netDev() throws Exception {
    netDev.collect(System.nanoTime(), out);
    return out[0];
  }

  @Benchmark
  public double allocationRate() {
    allocation.collect(System.nanoTime(), out);
    return out[0];
  }
}
