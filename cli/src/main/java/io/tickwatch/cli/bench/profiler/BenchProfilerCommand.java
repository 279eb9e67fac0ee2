package io.tickwatch.cli.bench.profiler;

import io.tickwatch.cli.bench.pipeline.MachineInfo;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.cli.options.WorkloadOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch bench profiler}: the JFR profiler's overhead on the simulated game loop at the
 * default 20 ms sampling interval, and at 10 ms and 1 ms for comparison.
 */
@Command(
    name = "profiler",
    mixinStandardHelpOptions = true,
    description = {
      "Measures a JFR profiling session's overhead on a simulated game loop: the same loop (with"
          + " the agent) runs without a session and with one per sampling interval, alternating.",
      "Prints process CPU (%% of one core) and tick-time p50/p99 per mode and the change against"
          + " no session."
    })
public final class BenchProfilerCommand implements Callable<Integer> {

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
      defaultValue = "3s",
      converter = Converters.DurationConverter.class,
      description = "Warm-up per mode before measuring (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Measured rounds; each runs every mode (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--intervals",
      split = ",",
      defaultValue = "20,10,1",
      description = "Sampling intervals in milliseconds (default: ${DEFAULT-VALUE}).")
  List<Integer> intervalsMillis;

  @Override
  public Integer call() throws Exception {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "bench profiler: %d Hz, %d players x %d entities, intervals %s ms, %d rounds x %s per"
            + " mode (+ warm-up %s per mode)%nmachine: %s%n",
        workload.tickRateHz(),
        workload.players(),
        workload.entitiesPerPlayer(),
        intervalsMillis,
        rounds,
        duration,
        warmup,
        MachineInfo.current());
    out.flush();
    List<ProfilerOverheadBenchmark.ModeResult> results =
        new ProfilerOverheadBenchmark(
                new ProfilerOverheadBenchmark.Settings(
                    duration,
                    warmup,
                    rounds,
                    workload.tickRateHz(),
                    workload.players(),
                    workload.entitiesPerPlayer(),
                    workload.actionsPerPlayerPerSecond(),
                    intervalsMillis),
                line -> {
                  out.println(line);
                  out.flush();
                })
            .run();
    print(out, results);
    return 0;
  }

  static void print(PrintWriter out, List<ProfilerOverheadBenchmark.ModeResult> results) {
    ProfilerOverheadBenchmark.ModeResult off = results.get(0);
    out.println();
    out.printf(
        "%-12s %8s %9s %9s %11s %13s %13s %9s %10s%n",
        "mode",
        "ticks",
        "p50 us",
        "p99 us",
        "process CPU",
        "CPU delta",
        "tick p99 chg",
        "samples",
        "guard");
    for (ProfilerOverheadBenchmark.ModeResult r : results) {
      boolean session = r.intervalMillis() > 0;
      double cpuDelta = r.processCpuPercentOfCore() - off.processCpuPercentOfCore();
      double p99Change =
          100.0 * (r.ticks().p99Micros() - off.ticks().p99Micros()) / off.ticks().p99Micros();
      out.printf(
          "%-12s %8d %9.1f %9.1f %9.2f %% %13s %13s %9s %10s%n",
          session
              ? r.intervalMillis()
                  + " ms"
                  + (r.usedIntervalMillis() != r.intervalMillis()
                      ? "->" + r.usedIntervalMillis()
                      : "")
              : "no session",
          r.ticks().ticks(),
          r.ticks().p50Micros(),
          r.ticks().p99Micros(),
          r.processCpuPercentOfCore(),
          session ? String.format("%+.3f %%pt", cpuDelta) : "-",
          session ? String.format("%+.2f %%", p99Change) : "-",
          session ? Long.toString(r.samples()) : "-",
          session ? String.format("%.2f %%", r.guardOverheadPercent()) : "-");
    }
    out.println();
    out.println(
        "CPU delta: extra process CPU in percentage points of one core; tick p99 chg: relative"
            + " to no session; guard: the overhead the profiler itself measured (max per mode).");
    out.println("Goal at the default 20 ms: <= 1 % CPU and <= 1 % tick p99.");
    out.flush();
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
    if (intervalsMillis == null
        || intervalsMillis.isEmpty()
        || intervalsMillis.stream().anyMatch(i -> i == null || i < 1 || i > 1000)) {
      problems.append(" --intervals must be milliseconds in 1..1000;");
    }
    workload.appendProblems(problems);
    if (problems.length() > 0) {
      throw new ParameterException(spec.commandLine(), problems.toString().trim());
    }
  }
}
