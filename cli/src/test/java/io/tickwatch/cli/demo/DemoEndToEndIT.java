package io.tickwatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.cli.Main;
import io.tickwatch.cli.stack.DevStack;
import io.tickwatch.cli.stack.PortCheck;
import io.tickwatch.cli.stack.StackOptions;
import io.tickwatch.schemas.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole single-machine path: embedded broker + embedded registry + one simulated host, read
 * back the way another team would (plain bytes, schema fetched over HTTP, generic Avro decoding).
 */
class DemoEndToEndIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldPublishWireFormatSamplesWhoseSchemaIdResolvesAtTheRegistry() throws Exception {
    StackOptions options =
        StackOptions.defaults()
            .withDataDir(dataDir)
            .withPorts(
                PortCheck.findFreePort(), PortCheck.findFreePort(), PortCheck.findFreePort());
    List<String> status = new ArrayList<>();
    try (DevStack stack = DevStack.start(options, status::add)) {
      DemoGameFleet fleet =
          new DemoGameFleet(stack.bootstrapServers(), stack.schemaRegistryUrl(), 1);
      stack.adopt("simulated game servers", fleet);
      fleet.start();

      ConsumerRecord<byte[], byte[]> record = firstSampleRecord(stack.bootstrapServers());
      byte[] bytes = record.value();
      assertThat(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("demo-host-1");
      assertThat(bytes[0]).isEqualTo((byte) 0x00);
      int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();

      JsonNode byId = getJson(stack.schemaRegistryUrl() + "/schemas/ids/" + schemaId);
      Schema schema = new Schema.Parser().parse(byId.get("schema").asText());
      GenericRecord batch =
          new GenericDatumReader<GenericRecord>(schema)
              .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
      assertThat(batch.get("hostId").toString()).isEqualTo("demo-host-1");
      assertThat(batch.get("sampleCount")).isEqualTo(100);

      JsonNode subjects = getJson(stack.schemaRegistryUrl() + "/subjects");
      assertThat(subjects.toString()).contains("\"" + Topics.SAMPLES.valueSubject() + "\"");
      assertThat(status).anySatisfy(line -> assertThat(line).contains("new storage"));
    }
  }

  @Test
  void shouldRunTheDemoCommandAndReportFlowingSamples() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            new String[] {
              "demo",
              "--duration",
              "6s",
              "--progress-interval",
              "1s",
              "--hosts",
              "2",
              "--data-dir",
              dataDir.toString(),
              "--kafka-port",
              String.valueOf(PortCheck.findFreePort()),
              "--controller-port",
              String.valueOf(PortCheck.findFreePort()),
              "--registry-port",
              String.valueOf(PortCheck.findFreePort()),
              "--query-port",
              String.valueOf(PortCheck.findFreePort()),
              "--alerting-port",
              String.valueOf(PortCheck.findFreePort()),
              "--dashboard-port",
              String.valueOf(PortCheck.findFreePort())
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Kafka (embedded KRaft", "Schema registry (embedded", "A/B app tickwatch-ab")
        .contains("Streams app tickwatch-stats", "Interactive queries at http://127.0.0.1:")
        .contains("Anomaly detection tickwatch-anomalies", "Alerting service at http://127.0.0.1:")
        .contains("Dashboard at http://127.0.0.1:")
        .doesNotContain("not running yet")
        .contains("[demo 00:0")
        .contains("total: batches=")
        .contains("Stopped cleanly");
    assertThat(out.toString().lines().filter(line -> line.startsWith("[demo ")))
        .anySatisfy(line -> assertThat(line).contains("hosts=2").doesNotContain("batches=0 "));
  }

  private static ConsumerRecord<byte[], byte[]> firstSampleRecord(String bootstrapServers) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.SAMPLES.name(), TIMEOUT).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          return record;
        }
      }
    }
    throw new AssertionError(
        "no record arrived on " + Topics.SAMPLES.name() + " within " + TIMEOUT);
  }

  private JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
