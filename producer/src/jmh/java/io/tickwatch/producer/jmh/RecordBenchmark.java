package io.tickwatch.producer.jmh;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwatch.producer.TickwatchAgent;
import io.tickwatch.producer.Timer;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one duration, from one and from two writer threads sharing one series: the
 * agent's {@link Timer} (ThreadLocal lookup per call), its thread-bound handle, the agent's {@code
 * tick()}, a Micrometer {@code Timer} from a {@code SimpleMeterRegistry}, and an HdrHistogram
 * {@code Recorder} (2 significant digits, like the sketch's 1 %). The agent is started (its sampler
 * reads the cells every millisecond) against an unreachable broker.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordBenchmark {

  /** Shared series, like a game server's. */
  @State(Scope.Benchmark)
  public static class Shared {
    TickwatchAgent agent;
    Timer timer;
    io.micrometer.core.instrument.Timer micrometer;
    Recorder hdr;

    @Setup(Level.Trial)
    public void setUp() {
      Serializer<io.tickwatch.avro.SampleBatch> discard = (topic, batch) -> new byte[0];
      agent =
          TickwatchAgent.builder("bench")
              .bootstrapServers("127.0.0.1:1")
              .valueSerializer(discard)
              .controlEnabled(false)
              .build()
              .start();
      timer = agent.timer("bench.latency");
      micrometer =
          io.micrometer.core.instrument.Timer.builder("bench.latency")
              .register(new SimpleMeterRegistry());
      hdr = new Recorder(3_600_000_000_000L, 2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      agent.close();
    }
  }

  /** Per-thread state: a varying duration and the thread-bound handle. */
  @State(Scope.Thread)
  public static class PerThread {
    long i;
    Timer.ThreadBoundTimer bound;

    @Setup(Level.Trial)
    public void setUp(Shared shared) {
      bound = shared.timer.forCurrentThread();
    }

    long next() {
      // 1 us .. ~1 ms, spread over many buckets
      return 1_000 + ((i++ * 7919) & 1023) * 997;
    }
  }

  @Benchmark
  @Threads(1)
  public void tickwatchTimer_1w(Shared s, PerThread t) {
    s.timer.record(t.next());
  }

  @Benchmark
  @Threads(2)
  public void tickwatchTimer_2w(Shared s, PerThread t) {
    s.timer.record(t.next());
  }

  @Benchmark
  @Threads(1)
  public void tickwatchBound_1w(PerThread t) {
    t.bound.record(t.next());
  }

  @Benchmark
  @Threads(2)
  public void tickwatchBound_2w(PerThread t) {
    t.bound.record(t.next());
  }

  @Benchmark
  @Threads(1)
  public void tickwatchTick_1w(Shared s, PerThread t) {
    s.agent.tick(t.next());
  }

  @Benchmark
  @Threads(1)
  public void micrometerTimer_1w(Shared s, PerThread t) {
    s.micrometer.record(t.next(), TimeUnit.NANOSECONDS);
  }

  @Benchmark
  @Threads(2)
  public void micrometerTimer_2w(Shared s, PerThread t) {
    s.micrometer.record(t.next(), TimeUnit.NANOSECONDS);
  }

  @Benchmark
  @Threads(1)
  public void hdrRecorder_1w(Shared s, PerThread t) {
    s.hdr.recordValue(t.next());
  }

  @Benchmark
  @Threads(2)
  public void hdrRecorder_2w(Shared s, PerThread t) {
    s.hdr.recordValue(t.next());
  }
}
