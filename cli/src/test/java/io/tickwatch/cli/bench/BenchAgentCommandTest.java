package io.tickwatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchAgentCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = new CommandLine(new BenchAgentCommand());
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void shouldRunBothModesAndPrintCpuAndTickPercentiles() {
    int exit =
        run(
            "--duration", "300ms",
            "--warmup", "100ms",
            "--rounds", "1",
            "--tick-rate", "200",
            "--players", "5");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("without agent", "with agent", "agent CPU:", "tick p99 change", "round 1/1 done");
  }

  @Test
  void shouldRejectBadOptionsWithAOneLineReason() {
    int exit = run("--rounds", "0");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--rounds must be >= 1");
  }

  @Test
  void shouldPrintHelp() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("--duration", "--warmup", "--rounds");
  }
}
