package io.tickwatch.producer.jmh;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.producer.internal.collect.SystemCollector;
import io.tickwatch.producer.internal.record.MetricRegistry;
import io.tickwatch.producer.internal.sample.Sampler;
import io.tickwatch.producer.internal.sample.SamplerSettings;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One sampler slot without system collectors (tick + 8 action labels + 2 timers being recorded),
 * including every 100th slot's batch assembly, amortised. Multiply by 1000 for the sampler's cost
 * per second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SamplerSlotBenchmark {

  private MetricRegistry registry;
  private Sampler sampler;
  private long now;
  private long value;

  @Setup
  public void setUp(Blackhole blackhole) {
    registry = new MetricRegistry(0.01, 16, 64);
    for (String action : List.of("move", "attack", "cast", "chat", "trade", "loot", "login", "x")) {
      registry.actions().forLabel(action).record(1000);
    }
    registry.timer("db.query", null);
    registry.timer("net.send", null);
    List<SystemCollector> none = List.of();
    sampler =
        new Sampler(
            registry,
            none,
            new SamplerSettings("bench", "", Map.of(), "run", 1000, 100),
            InstantSource.system(),
            (SampleBatch batch) -> blackhole.consume(batch),
            () -> null);
  }

  @Benchmark
  public void slot() {
    // what a 60 Hz game thread records in one millisecond, on average
    registry.tick().record(5_000_000L + (value++ & 1023));
    registry.actions().forLabel("move").record(200_000L + (value & 511));
    sampler.sampleSlot(now += 1_000_000L);
  }
}
