package io.tickwatch.cli.sink;

import io.tickwatch.cli.sink.influx.InfluxSinkCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tickwatch sink}: groups the sink subcommands; without one it prints its usage. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = "Copies Tickwatch topics into other systems (at-least-once).",
    subcommands = {InfluxSinkCommand.class})
public final class SinkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
