package io.tickwatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.bench.alertlatency.Variant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchAlertLatencyCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final BenchAlertLatencyCommand command = new BenchAlertLatencyCommand();

  private CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine;
  }

  @Test
  void shouldDefaultToFiftyIncidentsOfEveryVariant() {
    commandLine().parseArgs();

    BenchAlertLatencyCommand.Plan plan = command.plan();

    assertThat(plan.variants())
        .containsExactly(Variant.DEFAULT, Variant.DEFAULT_FOR1, Variant.FAST);
    assertThat(plan.settings().incidents()).isEqualTo(50);
    assertThat(plan.settings().interval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldParseTheOptions() {
    commandLine().parseArgs("--incidents", "3", "--variant", "fast", "--interval", "2s");

    BenchAlertLatencyCommand.Plan plan = command.plan();

    assertThat(plan.variants()).containsExactly(Variant.FAST);
    assertThat(plan.settings().incidents()).isEqualTo(3);
    assertThat(plan.settings().interval()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldRejectTooFewIncidentsWithAOneLineReason() {
    int exit = commandLine().execute("--incidents", "0");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--incidents must be in 1..1000");
  }

  @Test
  void shouldRejectAnUnknownVariant() {
    int exit = commandLine().execute("--variant", "quick");

    assertThat(exit).isNotZero();
    assertThat(err.toString())
        .contains("--variant must be default, default-for1, fast, both or all");
  }

  @Test
  void shouldPrintHelp() {
    int exit = commandLine().execute("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("--incidents", "--variant", "--bootstrap-servers");
  }

  @Test
  void shouldBeASubcommandOfBench() {
    CommandLine bench = new CommandLine(new BenchCommand());

    assertThat(bench.getSubcommands()).containsKey("alert-latency");
  }
}
