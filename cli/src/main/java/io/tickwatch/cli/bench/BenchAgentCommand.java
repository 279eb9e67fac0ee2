package io.tickwatch.cli.bench;

import io.tickwatch.cli.options.Converters;
import io.tickwatch.cli.options.WorkloadOptions;
import io.tickwatch.cli.sim.OverheadBenchmark;
import io.tickwatch.cli.sim.TickSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch bench agent}: the agent's overhead on a simulated 60 Hz game server, measured by
 * alternating runs without and with the agent in one process.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the Tickwatch agent's overhead on a simulated game loop (real work per tick,"
          + " player actions), alternating runs without and with the agent.",
      "Prints the agent's CPU (%% of one core) and tick-time p50/p99 with and without it.",
      "By default the agent publishes to an unreachable broker (its send-and-fail path);"
          + " pass --bootstrap-servers to publish to a real one."
    })
public final class BenchAgentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WorkloadOptions workload;

  @Option(
      names = "--duration",
      defaultValue = "10s",
      converter = Converters.DurationConverter.class,
      description = "Length of each measured run (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--warmup",
      defaultValue = "5s",
      converter = Converters.DurationConverter.class,
      description = "Warm-up per mode before measuring (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Measured rounds; each runs both modes (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "127.0.0.1:1",
      converter = Converters.BootstrapServersConverter.class,
      description = "Where the agent publishes (default: ${DEFAULT-VALUE}, unreachable).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      description = "Schema registry for the agent's serializer (default: plain Avro binary).")
  String schemaRegistryUrl;

  @Option(
      names = "--sample-interval",
      defaultValue = "1ms",
      converter = Converters.DurationConverter.class,
      description = "The agent's sample interval (default: ${DEFAULT-VALUE}).")
  Duration sampleInterval;

  @Override
  public Integer call() throws Exception {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    OverheadBenchmark.Settings settings =
        new OverheadBenchmark.Settings(
            duration,
            warmup,
            rounds,
            workload.tickRateHz(),
            workload.players(),
            workload.entitiesPerPlayer(),
            workload.actionsPerPlayerPerSecond(),
            bootstrapServers,
            schemaRegistryUrl,
            sampleInterval);
    out.printf(
        "bench agent: %d Hz, %d players x %d entities, %d rounds x 2 x %s (+ warm-up %s per"
            + " mode), sample interval %s, publishing to %s%n",
        workload.tickRateHz(),
        workload.players(),
        workload.entitiesPerPlayer(),
        rounds,
        duration,
        warmup,
        sampleInterval,
        bootstrapServers);
    out.flush();
    OverheadBenchmark.Result result =
        new OverheadBenchmark(
                settings,
                line -> {
                  out.println(line);
                  out.flush();
                })
            .run();
    print(out, result);
    return 0;
  }

  static void print(PrintWriter out, OverheadBenchmark.Result result) {
    out.println();
    out.printf(
        "%-14s %8s %10s %10s %10s %12s %12s%n",
        "mode", "ticks", "p50 us", "p99 us", "p99.9 us", "process CPU", "agent CPU");
    row(out, "without agent", result.without());
    row(out, "with agent", result.with());
    out.println();
    out.printf(
        "agent CPU: %.3f %% of one core (goal <= 1 %%); process CPU delta %+.3f %% of one core%n",
        result.with().agentCpuPercentOfCore(), result.processCpuDeltaPercentOfCore());
    out.printf(
        "tick p50 change %+.2f %%, tick p99 change %+.2f %% (goal <= 1 %%)%n",
        result.tickP50ChangePercent(), result.tickP99ChangePercent());
    out.printf("batches produced by the agent: %d%n", result.with().batchesProduced());
    out.flush();
  }

  private static void row(PrintWriter out, String mode, OverheadBenchmark.ModeResult r) {
    TickSummary t = r.ticks();
    out.printf(
        "%-14s %8d %10.1f %10.1f %10.1f %10.2f %% %10.3f %%%n",
        mode,
        t.ticks(),
        t.p50Micros(),
        t.p99Micros(),
        t.p999Micros(),
        r.processCpuPercentOfCore(),
        r.agentCpuPercentOfCore());
  }

  private void validate() {
    StringBuilder problems = new StringBuilder();
    if (duration.isNegative() || duration.isZero()) {
      problems.append(" --duration must be positive;");
    }
    if (warmup.isNegative()) {
      problems.append(" --warmup must not be negative;");
    }
    if (rounds < 1) {
      problems.append(" --rounds must be >= 1;");
    }
    workload.appendProblems(problems);
    if (problems.length() > 0) {
      throw new ParameterException(spec.commandLine(), problems.toString().trim());
    }
  }
}
