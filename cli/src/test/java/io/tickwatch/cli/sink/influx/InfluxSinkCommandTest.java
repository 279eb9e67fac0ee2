package io.tickwatch.cli.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InfluxSinkCommandTest {

  private static InfluxSinkConfig parse(String... args) {
    InfluxSinkCommand command = new InfluxSinkCommand();
    CommandLine line = new CommandLine(command);
    line.parseArgs(args);
    return command.config();
  }

  @Test
  void shouldBuildAV1TargetWithKafkaPassThrough() {
    InfluxSinkConfig config =
        parse(
            "--url", "http://127.0.0.1:8086",
            "--database", "tickwatch",
            "--token", "",
            "-X", "security.protocol=SASL_PLAINTEXT",
            "--kafka-property", "sasl.mechanism=PLAIN");

    assertThat(config.target().writeUri())
        .hasToString("http://127.0.0.1:8086/write?db=tickwatch&precision=ms");
    assertThat(config.target().authorization()).isEmpty();
    assertThat(config.kafkaProperties())
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN");
    assertThat(config.topic()).isEqualTo("tickwatch.stats");
    assertThat(config.groupId()).isEqualTo("tickwatch-influx-sink");
    assertThat(config.batchPoints()).isEqualTo(5000);
  }

  @Test
  void shouldBuildAV2TargetWithAToken() {
    InfluxSinkConfig config =
        parse("--url", "http://i:8086", "--org", "acme", "--bucket", "b", "--token", "t0k");

    assertThat(config.target().writeUri())
        .hasToString("http://i:8086/api/v2/write?org=acme&bucket=b&precision=ms");
    assertThat(config.target().authorization()).contains("Token t0k");
  }

  @Test
  void shouldRejectBadInputWithOneLine() {
    assertThat(run("sink", "influx", "--url", "http://i:8086")).contains("--database is required");
    assertThat(run("sink", "influx", "--url", "http://i", "--database", "d", "--org", "o"))
        .contains("either --database");
    assertThat(
            run("sink", "influx", "--url", "http://i", "--database", "d", "-X", "group.id=other"))
        .contains("group.id");
    assertThat(run("sink", "influx", "--url", "http://i", "--database", "d", "--topic", "x"))
        .contains("--topic");
  }

  @Test
  void shouldShowHelp() {
    StringWriter out = new StringWriter();
    int code =
        Main.execute(
            new String[] {"sink", "influx", "--help"},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--database").contains("--kafka-property");
  }

  private static String run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString().lines()).hasSize(1);
    return err.toString();
  }
}
