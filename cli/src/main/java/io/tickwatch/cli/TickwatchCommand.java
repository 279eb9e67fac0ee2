package io.tickwatch.cli;

import io.tickwatch.cli.bench.BenchCommand;
import io.tickwatch.cli.experiment.ExperimentCommand;
import io.tickwatch.cli.export.ExportCommand;
import io.tickwatch.cli.export.ImportCommand;
import io.tickwatch.cli.nab.NabCommand;
import io.tickwatch.cli.replay.ReplayCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Root command {@code tickwatch}; with no subcommand it prints its usage. */
@Command(
    name = "tickwatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Real-time performance monitoring for game servers, built on Kafka.",
    subcommands = {
      DemoCommand.class,
      DashboardCommand.class,
      BenchCommand.class,
      NabCommand.class,
      ReplayCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      io.tickwatch.cli.sink.SinkCommand.class,
      ExperimentCommand.class,
      io.tickwatch.cli.tail.TailCommand.class,
      io.tickwatch.cli.run.RunCommand.class
    })
public final class TickwatchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
