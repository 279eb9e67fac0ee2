package io.tickwatch.producer.jmh;

import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.producer.TickwatchAgent;
import io.tickwatch.producer.experiment.ExperimentHandle;
import io.tickwatch.producer.experiment.ExperimentSpec;
import io.tickwatch.producer.experiment.Experiments;
import io.tickwatch.producer.experiment.Metering;
import io.tickwatch.producer.experiment.UnitOfWork;
import io.tickwatch.producer.experiment.Variant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The game thread's cost of the experiment API on a running 50/50 experiment: assigning a unit
 * ({@code variantIndex}), a full unit of work with nothing inside ({@code start} + {@code close}:
 * assignment, wall clock, thread CPU clock, allocation counter, distinct-unit set, recorders), and
 * {@code record} without the resource meters, for each {@link Metering}. Unit ids cycle through
 * 4096 pre-built strings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExperimentUnitBenchmark {

  @Param({"NONE", "ALLOCATION", "CPU_AND_ALLOCATION"})
  Metering metering;

  TickwatchAgent agent;
  ExperimentHandle experiment;
  String[] units = new String[4096];
  int i;

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
    experiment =
        Experiments.of(agent, metering)
            .declare(
                ExperimentSpec.running(
                    "bench",
                    AssignmentUnit.SESSION,
                    "fresh",
                    List.of(new Variant("fresh", 0.5), new Variant("pooled", 0.5))));
    for (int u = 0; u < units.length; u++) {
      units[u] = "eu-west-1/game-07/session-" + u;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    agent.close();
  }

  private String nextUnit() {
    i = (i + 1) & (units.length - 1);
    return units[i];
  }

  @Benchmark
  public int variantIndex() {
    return experiment.variantIndex(nextUnit());
  }

  @Benchmark
  public int unitOfWork() {
    try (UnitOfWork unit = experiment.start(nextUnit())) {
      return unit.variantIndex();
    }
  }

  @Benchmark
  public void record() {
    experiment.record(nextUnit(), 12_345, false);
  }
}
