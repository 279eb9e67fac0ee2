package io.tickwatch.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private static ReplayRequest parse(String... args) {
    ReplayCommand command = new ReplayCommand();
    new CommandLine(command).parseArgs(args);
    return command.request(InstantSource.fixed(NOW));
  }

  @Test
  void shouldParseRelativeTimesSpeedAndRunId() {
    ReplayRequest request = parse("--from", "-15m", "--speed", "10", "--run-id", "incident-7");
    assertThat(request.from()).isEqualTo(Instant.parse("2026-11-27T11:45:00Z"));
    assertThat(request.to()).isEqualTo(NOW);
    assertThat(request.speed().getAsDouble()).isEqualTo(10.0);
    assertThat(request.applicationId()).isEqualTo("tickwatch-replay-incident-7");
    assertThat(request.outputNamespace()).isEqualTo("tickwatch.replay.incident-7.");
  }

  @Test
  void shouldDefaultToMaxSpeedAndAGeneratedRunId() {
    ReplayRequest request = parse("--from", "2026-11-27T10:00:00Z", "--to", "2026-11-27T10:15:00Z");
    assertThat(request.speed()).isEmpty();
    assertThat(request.runId()).startsWith("20261127T120000Z-");
  }

  @Test
  void shouldRejectBadInputWithOneLine() {
    assertThat(run("replay", "--from", "now", "--to", "-1h")).contains("must be before");
    assertThat(run("replay", "--from", "-1h", "--speed", "fast")).contains("--speed");
    assertThat(run("replay", "--from", "yesterday")).contains("'yesterday' is not a time");
    assertThat(run("replay", "--from", "-1h", "--run-id", "a b")).contains("--run-id");
  }

  private static String run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).hasLineCount(1);
    return err.toString();
  }
}
