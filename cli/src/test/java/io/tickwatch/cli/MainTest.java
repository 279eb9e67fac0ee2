package io.tickwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.stack.PortCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldListCommandsInHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("tickwatch", "demo", "bench");
  }

  @Test
  void shouldPrintUsageWithoutSubcommand() {
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("Usage: tickwatch");
  }

  @Test
  void shouldPrintVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("tickwatch ");
  }

  @Test
  void shouldDocumentDemoOptions() {
    assertThat(run("demo", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--duration",
            "--data-dir",
            "--bootstrap-servers",
            "--schema-registry-url",
            "--kafka-port",
            "--registry-port",
            "--hosts");
  }

  @Test
  void shouldPrintBenchUsageWhenNoBenchmarkIsGiven() {
    assertThat(run("bench")).isZero();
    assertThat(out.toString()).contains("Usage: tickwatch bench");
  }

  @Test
  void shouldRejectUnknownOptionWithOneLineAndUsageExitCode() {
    assertThat(run("demo", "--frobnicate")).isEqualTo(Main.EXIT_USAGE);
    assertOneErrorLine("--frobnicate");
  }

  @Test
  void shouldRejectUnknownCommand() {
    assertThat(run("fly")).isEqualTo(Main.EXIT_USAGE);
    assertOneErrorLine("fly");
  }

  @Test
  void shouldRejectBadDuration() {
    assertThat(run("demo", "--duration", "soon")).isEqualTo(Main.EXIT_USAGE);
    assertOneErrorLine("invalid duration 'soon'");
  }

  @Test
  void shouldRejectPortOutOfRange() {
    assertThat(run("demo", "--kafka-port", "70000")).isEqualTo(Main.EXIT_USAGE);
    assertOneErrorLine("70000");
  }

  @Test
  void shouldRejectCollidingPorts() {
    assertThat(run("demo", "--kafka-port", "9500", "--controller-port", "9500"))
        .isEqualTo(Main.EXIT_USAGE);
    assertOneErrorLine("must differ");
  }

  @Test
  void shouldRejectHostCountOutOfRange() {
    assertThat(run("demo", "--hosts", "0")).isEqualTo(Main.EXIT_USAGE);
    assertOneErrorLine("--hosts");
  }

  @Test
  void shouldFailWithOneLineNamingABusyPortBeforeStartingAnything(@TempDir Path dataDir)
      throws Exception {
    try (ServerSocket held = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
      int busy = held.getLocalPort();
      int exit =
          run(
              "demo",
              "--data-dir",
              dataDir.toString(),
              "--kafka-port",
              String.valueOf(busy),
              "--controller-port",
              String.valueOf(PortCheck.findFreePort()),
              "--registry-port",
              String.valueOf(PortCheck.findFreePort()));
      assertThat(exit).isEqualTo(Main.EXIT_FAILURE);
      assertOneErrorLine("port " + busy + " (Kafka)");
      assertThat(dataDir.resolve("kafka")).doesNotExist();
    }
  }

  @Test
  void shouldFailWithOneLineWhenTheClusterIsUnreachable(@TempDir Path dataDir) {
    int nobodyListens = PortCheck.findFreePort();
    int exit =
        run(
            "demo",
            "--data-dir",
            dataDir.toString(),
            "--bootstrap-servers",
            "127.0.0.1:" + nobodyListens,
            "--connect-timeout",
            "2s");
    assertThat(exit).isEqualTo(Main.EXIT_FAILURE);
    assertOneErrorLine("cannot reach Kafka at 127.0.0.1:" + nobodyListens);
  }

  @Test
  void shouldCollapseMultiLineMessagesIntoOneLine() {
    assertThat(Main.oneLine("first\n  second\r\nthird")).isEqualTo("first; second; third");
    assertThat(Main.oneLine(null)).isEqualTo("unknown error");
  }

  private void assertOneErrorLine(String expectedFragment) {
    String errors = err.toString();
    assertThat(errors.lines()).hasSize(1);
    assertThat(errors).startsWith("tickwatch: error: ").contains(expectedFragment);
  }
}
