package io.tickwatch.cli.bench;

import io.tickwatch.cli.bench.dashboard.BenchDashboardCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch bench}: parent of the benchmark subcommands (added as their issues land). With
 * no subcommand it prints its usage.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks of the Tickwatch pipeline (see docs/PERFORMANCE.md).",
    subcommands = {
      BenchAgentCommand.class,
      BenchPipelineCommand.class,
      BenchAlertLatencyCommand.class,
      io.tickwatch.cli.bench.profiler.BenchProfilerCommand.class,
      BenchDashboardCommand.class
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    if (spec.subcommands().isEmpty()) {
      spec.commandLine().getOut().println("No benchmarks are available in this build yet.");
    }
    return 0;
  }
}
