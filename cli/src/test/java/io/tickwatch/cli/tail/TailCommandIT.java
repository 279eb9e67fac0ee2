package io.tickwatch.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.cli.TickwatchCommand;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.testkit.RecentTime;
import io.tickwatch.schemas.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/** {@code tickwatch tail} on a real broker and registry, run through the real command line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TailCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BASE_MILLIS = RecentTime.currentHourStartMillis();
  private KafkaStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = KafkaStack.start();
    Map<String, Object> config =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (KafkaProducer<String, SampleBatch> producer =
        new KafkaProducer<>(
            config, new StringSerializer(), new AvroSerializer<>(stack.registryClient))) {
      for (int i = 0; i < 6; i++) {
        String host = "host-" + (i % 3);
        producer.send(new ProducerRecord<>(Topics.SAMPLES.name(), host, batch(host, i))).get();
      }
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ANOMALY_RULES.name(),
                  "cpu",
                  "{\"id\":\"cpu\",\"threshold\":90}".getBytes(StandardCharsets.UTF_8)))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.SAMPLES.name(), "host-1", new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2}))
          .get();
    }
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private List<JsonNode> tail(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TickwatchCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("tail"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.registryUrl()));
    int exit = cli.execute(all.toArray(String[]::new));
    assertThat(exit).as(err.toString()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void shouldPrintAvroRecordsAsJsonLinesFilteredByAValueField() throws Exception {
    List<JsonNode> lines =
        tail(Topics.SAMPLES.name(), "--from-beginning", "--max", "2", "--filter", "hostId=host-1");

    assertThat(lines).hasSize(2);
    for (JsonNode line : lines) {
      assertThat(line.get("topic").asText()).isEqualTo(Topics.SAMPLES.name());
      assertThat(line.get("key").asText()).isEqualTo("host-1");
      JsonNode value = line.get("value");
      assertThat(value.get("hostId").asText()).isEqualTo("host-1");
      assertThat(value.get("series").get(0).get("name").asText()).isEqualTo("tick.max.micros");
      // NaN is not JSON: it prints as a string; timestamps as epoch milliseconds
      assertThat(value.get("series").get(0).get("values").get(0).asText()).isEqualTo("NaN");
      assertThat(value.get("startTimeMillis").isNumber()).isTrue();
    }
    assertThat(lines.get(0).get("offset").asLong()).isLessThan(lines.get(1).get("offset").asLong());
  }

  @Test
  void shouldPrintJsonTopicsParsedAndUndecodableRecordsWithTheirError() throws Exception {
    List<JsonNode> rules = tail(Topics.ANOMALY_RULES.name(), "--from-beginning", "--max", "1");
    assertThat(rules.get(0).get("value").get("threshold").asInt()).isEqualTo(90);

    List<JsonNode> host1 =
        tail(Topics.SAMPLES.name(), "--from-beginning", "--max", "3", "--filter", "@key=host-1");
    // host-1's two batches, then the undecodable record (unknown schema id), printed with its
    // error instead of stopping the tail
    assertThat(host1).hasSize(3);
    assertThat(host1.subList(0, 2)).allMatch(line -> line.get("value").has("hostId"));
    assertThat(host1.get(2).get("error").asText()).as(host1.toString()).contains("schema id");
    assertThat(host1.get(2).get("valueBase64").asText()).isEqualTo("AAAAf38BAg==");
  }

  @Test
  void shouldRefuseABadFilterWithAOneLineReason() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TickwatchCommand());
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("tail", Topics.SAMPLES.name(), "--filter", "nonsense");
    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("is not field=value");
  }

  private static SampleBatch batch(String host, int i) {
    List<Double> values = new ArrayList<>();
    values.add(Double.NaN);
    values.add(1.0 * i);
    return SampleBatch.newBuilder()
        .setHostId(host)
        .setStartTimeMillis(Instant.ofEpochMilli(BASE_MILLIS + i * 100L))
        .setSampleCount(2)
        .setSeries(List.of(new MetricSeries("tick.max.micros", Map.of(), values)))
        .build();
  }
}
