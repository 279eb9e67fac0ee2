package io.tickwatch.streams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryException;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 7: a v2 {@code SampleBatch} with a new defaulted field is registered and rolls out
 * host by host while v1 agents keep writing, with the rolling-statistics application running. The
 * application counts every sample of both versions, a generic consumer reads both (v2 records with
 * the new field, v1 records without it), the generated v1 class reads both (the new field is
 * skipped), nothing is dead-lettered, and the registry refuses an incompatible v3 with HTTP 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaEvolutionInFlightIT {

  private static final String SUBJECT = Topics.SAMPLES.name() + "-value";
  private static final List<String> HOSTS = List.of("v1-host", "v2-host", "rolling-host");
  private static final int BATCHES_PER_HOST = 300; // 30 s of event time
  private static final int ROLL_OUT_AT = 120; // rolling-host upgrades to v2 at this batch
  // recent event time: a fixed past date is deleted by the topic retention once it is older
  private static final long BASE_MILLIS = PoisonPillGenerator.recentBaseMillis(Instant.now());
  private static final long REAL_END_MILLIS =
      BASE_MILLIS + BATCHES_PER_HOST * (long) PoisonPillGenerator.SLOTS;
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** v2: SampleBatch plus a defaulted field, as a developer would add it to the .avsc. */
  static final Schema V2 = addField(SampleBatch.getClassSchema());

  @TempDir static Path dataDir;
  private KafkaStack stack;
  private StreamsApp app;
  private final List<SampleBatch> sent = new ArrayList<>();
  private int v1Records;
  private int v2Records;
  private int v2Id;

  @BeforeAll
  void start() throws Exception {
    stack = KafkaStack.start();
    RollingStatsConfig statsConfig =
        RollingStatsConfig.from(
            key ->
                switch (key) {
                  case RollingStatsConfig.WINDOW_SIZES -> "1s";
                  case RollingStatsConfig.FLEET_HOST_TIMEOUT -> "120s";
                  default -> null;
                });
    app =
        RollingStatsApp.create(
            StreamsAppConfig.defaults()
                .withCluster(stack.bootstrapServers(), stack.registryUrl())
                .withDataDir(dataDir)
                .withQueryPort(0)
                .withApplicationId("tickwatch-evolution-it"),
            statsConfig,
            stack.registryClient);
    app.start();
    assertThat(app.awaitRunning(Duration.ofMinutes(1))).isTrue();
    produceWhileRollingOut();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /** v1 agents write, v2 is registered mid-stream, v2 agents and the rolling host join. */
  private void produceWhileRollingOut() throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, SampleBatch> v1 =
            new KafkaProducer<>(
                config, new StringSerializer(), new AvroSerializer<>(stack.registryClient));
        KafkaProducer<String, GenericRecord> v2 =
            new KafkaProducer<>(
                config,
                new StringSerializer(),
                new AvroSerializer<GenericRecord>(stack.registryClient))) {
      for (int i = 0; i < BATCHES_PER_HOST + 2; i++) {
        if (i == ROLL_OUT_AT / 2) {
          // the new schema is registered while v1 producers are writing
          v2Id = stack.registryClient.register(SUBJECT, V2);
        }
        for (int h = 0; h < HOSTS.size(); h++) {
          String host = HOSTS.get(h);
          // the last two batches per host are far ahead: they close every real window
          long start =
              i < BATCHES_PER_HOST
                  ? BASE_MILLIS + i * (long) PoisonPillGenerator.SLOTS
                  : REAL_END_MILLIS + (i - BATCHES_PER_HOST + 1) * 30_000L;
          SampleBatch batch = batch(host, h, i, start);
          boolean writesV2 =
              v2Id != 0
                  && (host.equals("v2-host") || (host.equals("rolling-host") && i >= ROLL_OUT_AT));
          if (writesV2) {
            v2.send(
                new ProducerRecord<>(Topics.SAMPLES.name(), null, start + 100, host, toV2(batch)));
            v2Records++;
          } else {
            v1.send(new ProducerRecord<>(Topics.SAMPLES.name(), null, start + 100, host, batch));
            v1Records++;
          }
          if (i < BATCHES_PER_HOST) {
            sent.add(batch);
          }
        }
        // two producers give no order between them: without a flush per round, one producer's
        // batches can land seconds of event time behind the other's on a shared partition and be
        // dropped as later than the grace (seen once: a window of rolling-host with 90 of 900)
        v1.flush();
        v2.flush();
      }
    }
  }

  @Test
  void shouldCountEverySampleOfBothVersionsInTheRollingStatistics() {
    assertThat(v2Records).isGreaterThan(BATCHES_PER_HOST);
    Map<String, Long> expected = new HashMap<>();
    for (SampleBatch batch : sent) {
      long window = batch.getStartTimeMillis().toEpochMilli() / 1000 * 1000;
      for (MetricSeries series : batch.getSeries()) {
        long count = series.getValues().stream().filter(v -> !v.isNaN()).count();
        expected.merge(batch.getHostId() + "/" + series.getName() + "|" + window, count, Long::sum);
      }
    }
    Map<String, Long> actual = new HashMap<>();
    try (KafkaConsumer<String, RollingStats> consumer =
        consumer(new AvroDeserializer<>(stack.registryClient, RollingStats.class))) {
      consumer.subscribe(List.of(Topics.STATS.name()));
      Instant deadline = Instant.now().plus(DEADLINE);
      while (actual.size() < expected.size() && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, RollingStats> r : consumer.poll(Duration.ofMillis(200))) {
          RollingStats s = r.value();
          if (s.getHostId() != null && s.getWindowStartMillis().toEpochMilli() < REAL_END_MILLIS) {
            actual.put(
                s.getHostId() + "/" + s.getMetric() + "|" + s.getWindowStartMillis().toEpochMilli(),
                s.getCount());
          }
        }
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(endOffset(Topics.DEAD_LETTER.name())).as("dead letters").isZero();
  }

  @Test
  void shouldLetAGenericAndAGeneratedV1ConsumerReadBothVersions() {
    List<GenericRecord> generic = readAll(AvroDeserializer.generic(stack.registryClient));
    assertThat(generic).hasSize(v1Records + v2Records);
    long withRegion =
        generic.stream().filter(r -> r.getSchema().getField("region") != null).count();
    assertThat(withRegion).isEqualTo(v2Records);
    assertThat(generic)
        .filteredOn(r -> r.getSchema().getField("region") != null)
        .allSatisfy(
            r -> assertThat(r.get("region").toString()).isEqualTo("eu-west-" + r.get("hostId")));

    List<SampleBatch> specific =
        readAll(new AvroDeserializer<>(stack.registryClient, SampleBatch.class));
    assertThat(specific).hasSize(v1Records + v2Records);
    assertThat(specific).extracting(SampleBatch::getHostId).containsAll(HOSTS);
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaWith409() throws Exception {
    assertThat(stack.registryClient.getVersions(SUBJECT)).hasSize(2);
    assertThat(stack.registryClient.getById(v2Id)).isEqualTo(V2);
    // v3 changes sampleCount from int to string: old data could not be read
    String v3 =
        SampleBatch.getClassSchema()
            .toString()
            .replace(
                "{\"name\":\"sampleCount\",\"type\":\"int\"",
                "{\"name\":\"sampleCount\",\"type\":\"string\"");
    assertThat(v3).isNotEqualTo(SampleBatch.getClassSchema().toString());
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(stack.registryUrl() + "/subjects/" + SUBJECT + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("schema", v3))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThatThrownBy(() -> stack.registryClient.register(SUBJECT, new Schema.Parser().parse(v3)))
        .isInstanceOf(SchemaRegistryException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
    assertThat(stack.registryClient.getVersions(SUBJECT)).hasSize(2);
  }

  private static Schema addField(Schema v1) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(v1.toString());
      ((ArrayNode) root.get("fields"))
          .add(
              JSON.readTree(
                  "{\"name\":\"region\",\"type\":\"string\",\"default\":\"\","
                      + "\"doc\":\"Region of the host (added in v2).\"}"));
      return new Schema.Parser().parse(root.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The batch as a v2 record: v1 bytes resolved to v2 (region takes its default), then set. */
  private static GenericRecord toV2(SampleBatch batch) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      var encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<>(SampleBatch.class).write(batch, encoder);
      encoder.flush();
      GenericRecord v2 =
          new GenericDatumReader<GenericRecord>(SampleBatch.getClassSchema(), V2, GenericData.get())
              .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
      assertThat(v2.get("region").toString()).isEmpty();
      v2.put("region", "eu-west-" + batch.getHostId());
      return v2;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SampleBatch batch(String host, int hostIndex, long index, long startMillis) {
    List<MetricSeries> series = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int k = 0; k < PoisonPillGenerator.SLOTS; k++) {
      values.add(k % 11 == 0 ? Double.NaN : (double) ((index * 100 + k + hostIndex) % 500));
    }
    series.add(new MetricSeries("tick.max.micros", new java.util.LinkedHashMap<>(), values));
    return SampleBatch.newBuilder()
        .setHostId(host)
        .setCluster("evolution")
        .setSequence(index)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(1000)
        .setSampleCount(PoisonPillGenerator.SLOTS)
        .setSeries(series)
        .build();
  }

  private long endOffset(String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        consumer(new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private <V> List<V> readAll(Deserializer<V> values) {
    List<V> all = new ArrayList<>();
    String topic = Topics.SAMPLES.name();
    try (KafkaConsumer<String, V> consumer = consumer(values)) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plus(DEADLINE);
      while (Instant.now().isBefore(deadline)
          && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> all.add(r.value()));
      }
    }
    return all;
  }

  private <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "evolution-check-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        values);
  }
}
