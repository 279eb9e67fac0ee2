package io.tickwatch.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.Main;
import io.tickwatch.streams.app.StreamsAppConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static RunCommand parsed(Map<String, String> env, String... args) {
    RunCommand command = new RunCommand();
    new CommandLine(command).parseArgs(args);
    command.env = env::get;
    return command;
  }

  @Test
  void shouldDocumentItsOptions() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString())
        .contains("--bootstrap-servers", "--schema-registry-url", "--config", "SERVICE");
  }

  @Test
  void shouldRejectAnUnknownService() {
    assertThat(run("run", "profiler")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("unknown service 'profiler'");
  }

  @Test
  void shouldReportAnInvalidStreamsSettingInOneLine() {
    assertThat(run("run", "stats", "-c", StreamsAppConfig.QUERY_PORT + "=abc"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString())
        .contains("invalid streams-app configuration")
        .contains(StreamsAppConfig.QUERY_PORT);
  }

  @Test
  void shouldReportAnInvalidAlertingSetting() {
    assertThat(run("run", "alerting", "-c", "alerting.auto.offset.reset=middle"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("alerting.auto.offset.reset must be earliest or latest");
  }

  @Test
  void shouldRejectABadBootstrapServersOption() {
    assertThat(run("run", "ab", "--bootstrap-servers", "not a host")).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void shouldGiveEachStreamsServiceItsOwnApplicationIdAndLetConfigOverrideIt() {
    assertThat(parsed(Map.of(), "anomalies").values())
        .containsEntry(StreamsAppConfig.APPLICATION_ID, "tickwatch-anomalies")
        .containsEntry(StreamsAppConfig.QUERY_PORT, "0");
    assertThat(parsed(Map.of(), "ab").values())
        .containsEntry(StreamsAppConfig.APPLICATION_ID, "tickwatch-ab");
    assertThat(parsed(Map.of(), "AB", "-c", StreamsAppConfig.APPLICATION_ID + "=x").values())
        .containsEntry(StreamsAppConfig.APPLICATION_ID, "x");
  }

  @Test
  void shouldMergeEnvironmentThenOptionsWithTheClusterOptionsLast() {
    Map<String, String> env =
        Map.of(
            RunCommand.CONFIG_ENV,
            StreamsAppConfig.QUERY_HOST + "=0.0.0.0, " + StreamsAppConfig.QUERY_PORT + "=9000");
    Map<String, String> values =
        parsed(
                env,
                "stats",
                "--bootstrap-servers",
                "kafka-1:9092,kafka-2:9092",
                "-c",
                StreamsAppConfig.QUERY_PORT + "=9100")
            .values();
    assertThat(values)
        .containsEntry(StreamsAppConfig.QUERY_HOST, "0.0.0.0")
        .containsEntry(StreamsAppConfig.QUERY_PORT, "9100")
        .containsEntry(StreamsAppConfig.BOOTSTRAP_SERVERS, "kafka-1:9092,kafka-2:9092");
    assertThat(parsed(Map.of(), "alerting", "--schema-registry-url", "http://r:8080").values())
        .containsEntry("schema.registry.url", "http://r:8080")
        .containsEntry("bootstrap.servers", "localhost:9092");
  }

  @Test
  void shouldRejectABadTopicsReplicationFactor() {
    assertThat(run("run", "topics", "-c", RunCommand.TOPICS_REPLICATION_FACTOR + "=0"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("expected a positive number but was '0'");
    assertThat(parsed(Map.of(), "topics").topicsReplicationFactor()).isEqualTo((short) 3);
  }

  @Test
  void shouldReadAPropertiesFileThatTheEnvironmentAndOptionsOverride(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("stats.properties");
    Files.writeString(
        file,
        "# stats instance\n"
            + StreamsAppConfig.QUERY_HOST
            + " = 10.0.0.5\n"
            + StreamsAppConfig.QUERY_PORT
            + "=9000\n"
            + StreamsAppConfig.APPLICATION_ID
            + "=from-file\n");
    Map<String, String> env = Map.of(RunCommand.CONFIG_ENV, StreamsAppConfig.QUERY_PORT + "=9100");
    Map<String, String> values =
        parsed(
                env,
                "stats",
                "--config-file",
                file.toString(),
                "-c",
                StreamsAppConfig.APPLICATION_ID + "=from-option")
            .values();
    assertThat(values)
        .containsEntry(StreamsAppConfig.QUERY_HOST, "10.0.0.5")
        .containsEntry(StreamsAppConfig.QUERY_PORT, "9100")
        .containsEntry(StreamsAppConfig.APPLICATION_ID, "from-option");
  }

  @Test
  void shouldReportAMissingConfigFileInOneLine(@TempDir Path dir) {
    assertThat(run("run", "stats", "--config-file", dir.resolve("absent.properties").toString()))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("--config-file").contains("absent.properties");
  }
}
