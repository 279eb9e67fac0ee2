package io.tickwatch.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.cli.Main;
import io.tickwatch.cli.testing.TestBatches;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.topic.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportIT {

  private static final List<String> HOSTS = List.of("host-a", "host-b");
  private static final Instant FROM = Instant.ofEpochMilli(TestBatches.BASE_MILLIS + 10_000);
  private static final Instant TO = Instant.ofEpochMilli(TestBatches.BASE_MILLIS + 20_000);

  @TempDir static Path dir;
  private static KafkaStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = KafkaStack.start();
    TestBatches.publish(stack.bootstrapServers(), stack.registryClient, HOSTS, 400, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  private static List<SampleBatch> inputInRange() {
    List<SampleBatch> batches = new ArrayList<>();
    for (ConsumerRecord<String, SampleBatch> r :
        stack.readAll(
            Topics.SAMPLES.name(),
            new AvroDeserializer<>(stack.registryClient, SampleBatch.class))) {
      Instant start = r.value().getStartTimeMillis();
      if (!start.isBefore(FROM) && start.isBefore(TO)) {
        batches.add(r.value());
      }
    }
    return batches;
  }

  @Test
  void shouldExportTheRangeToAnAvroFileAndImportItBack() throws Exception {
    Path file = dir.resolve("samples.avro");
    String[] args = {
      "export",
      "--from",
      FROM.toString(),
      "--to",
      TO.toString(),
      "--out",
      file.toString(),
      "--bootstrap-servers",
      stack.bootstrapServers(),
      "--schema-registry-url",
      stack.registryUrl()
    };
    StringWriter out = new StringWriter();
    assertThat(Main.execute(args, new PrintWriter(out, true), new PrintWriter(new StringWriter())))
        .isZero();
    assertThat(out.toString()).contains("Exported 200 records");

    List<SampleBatch> exported = new ArrayList<>();
    try (DataFileReader<SampleBatch> reader =
        new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(SampleBatch.class))) {
      assertThat(reader.getMetaString(TopicExporter.TOPIC_META)).isEqualTo("tickwatch.samples");
      reader.forEach(exported::add);
    }
    assertThat(exported).containsExactlyInAnyOrderElementsOf(inputInRange()).hasSize(200);

    long before =
        stack
            .readAll(
                Topics.SAMPLES.name(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())
            .size();
    AvroFileImporter.Result imported =
        AvroFileImporter.importFile(
            file, Optional.empty(), stack.bootstrapServers(), stack.registryUrl(), line -> {});
    assertThat(imported.records()).isEqualTo(200);
    assertThat(imported.topic()).isEqualTo("tickwatch.samples");
    List<SampleBatch> after = new ArrayList<>();
    stack
        .readAll(
            Topics.SAMPLES.name(), new AvroDeserializer<>(stack.registryClient, SampleBatch.class))
        .forEach(r -> after.add(r.value()));
    assertThat(after).hasSize((int) before + 200);
    long copies = after.stream().filter(b -> b.equals(exported.get(0))).count();
    assertThat(copies).isEqualTo(2);
  }

  @Test
  void shouldExportOneCsvRowPerSampleWithAReading() throws Exception {
    Path file = dir.resolve("samples.csv");
    TopicExporter.Result result =
        TopicExporter.export(
            new TopicExporter.Request(
                Topics.SAMPLES.name(),
                FROM,
                TO,
                file,
                TopicExporter.Format.CSV,
                stack.bootstrapServers(),
                stack.registryUrl()),
            line -> {});
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long readings =
        inputInRange().stream()
            .flatMap(b -> b.getSeries().stream())
            .flatMap(s -> s.getValues().stream())
            .filter(v -> !v.isNaN())
            .count();
    assertThat(lines.get(0)).isEqualTo("timestamp_ms,host,metric,labels,value");
    assertThat(lines).hasSize((int) readings + 1);
    assertThat(result.rows()).isEqualTo(readings);
    assertThat(lines)
        .anyMatch(
            l -> l.matches(FROM.toEpochMilli() + 1 + ",host-[ab],action.count,action=move,\\d"));
  }

  @Test
  void shouldFailWithOneLineForMissingFilesBadRangesAndUnknownTopics() {
    assertThatThrownBy(
            () ->
                AvroFileImporter.importFile(
                    dir.resolve("missing.avro"),
                    Optional.empty(),
                    stack.bootstrapServers(),
                    stack.registryUrl(),
                    l -> {}))
        .hasMessageContaining("no such file");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "export", "--topic", "tickwatch.nope", "--from", "-1h", "--out", "x.avro"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("unknown topic 'tickwatch.nope'").hasLineCount(1);
    err.getBuffer().setLength(0);
    code =
        Main.execute(
            new String[] {"export", "--from", "now", "--to", "-1h", "--out", "x.avro"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("must be before").hasLineCount(1);
  }
}
