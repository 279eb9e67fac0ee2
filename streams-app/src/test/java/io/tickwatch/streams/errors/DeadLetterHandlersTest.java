package io.tickwatch.streams.errors;

import static io.tickwatch.streams.testing.Batches.batch;
import static io.tickwatch.streams.testing.Batches.constant;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.FailureStage;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.stats.RollingStatsConfig;
import io.tickwatch.streams.stats.RollingStatsTopology;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, SampleBatch> samples;
  private TestInputTopic<byte[], byte[]> raw;
  private TestOutputTopic<String, DeadLetter> deadLetters;
  private TestOutputTopic<String, RollingStats> live;

  @BeforeEach
  void start() throws Exception {
    RollingStatsConfig config =
        RollingStatsConfig.from(
            key -> key.equals(RollingStatsConfig.LIVE_UPDATE_INTERVAL) ? "0s" : null);
    stateDir = Files.createTempDirectory("dead-letter-test");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9999");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER.name());
    props.put(DeadLetters.REGISTRY_CLIENT_CONFIG, registry);
    driver = new TopologyTestDriver(RollingStatsTopology.build(config, registry), props);
    samples =
        driver.createInputTopic(
            Topics.SAMPLES.name(),
            new StringSerializer(),
            Topics.SAMPLES.valueSerde(registry).serializer());
    raw =
        driver.createInputTopic(
            Topics.SAMPLES.name(), new ByteArraySerializer(), new ByteArraySerializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTER.name(),
            new StringDeserializer(),
            Topics.DEAD_LETTER.valueSerde(registry).deserializer());
    live =
        driver.createOutputTopic(
            Topics.STATS_LIVE.name(),
            new StringDeserializer(),
            Topics.STATS_LIVE.valueSerde(registry).deserializer());
  }

  @AfterEach
  void stop() throws Exception {
    driver.close();
    Utils.delete(stateDir.toFile());
  }

  @Test
  void shouldDeadLetterACorruptRecordWithItsReasonAndBytesAndKeepProcessing() {
    byte[] key = "h1".getBytes(StandardCharsets.UTF_8);
    byte[] value = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader("trace", new byte[] {1, 2}));
    raw.pipeInput(new TestRecord<>(key, value, headers, 10_000L));
    SampleBatch good = batch("h1", 10_000).series("cpu.process.percent", constant(100, 1)).build();
    samples.pipeInput("h1", good, 10_000L);

    List<TestRecord<String, DeadLetter>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0).value();
    assertThat(letters.get(0).key()).isEqualTo(Topics.SAMPLES.name());
    assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZATION);
    assertThat(letter.getSourceTopic()).isEqualTo(Topics.SAMPLES.name());
    assertThat(letter.getReason()).contains("magic byte");
    assertThat(letter.getExceptionClass()).isNotBlank();
    assertThat(letter.getApplicationId()).isEqualTo("dead-letter-test");
    assertThat(bytes(letter.getOriginalValue())).isEqualTo(value);
    assertThat(bytes(letter.getOriginalKey())).isEqualTo(key);
    assertThat(letter.getOriginalHeaders()).hasSize(1);
    assertThat(letter.getOriginalHeaders().get(0).getKey()).isEqualTo("trace");
    assertThat(letter.getSourceTimestampMillis()).isNotNull();
    // the app kept going: the good batch was aggregated
    assertThat(live.readValuesToList())
        .anySatisfy(stats -> assertThat(stats.getCount()).isEqualTo(100));
  }

  @Test
  void shouldDeadLetterABatchThatCannotBeProcessedAndKeepProcessing() {
    SampleBatch broken =
        batch("h2", 10_000)
            .series("cpu.process.percent", constant(100, 1))
            .sampleCount(120)
            .build();
    samples.pipeInput("h2", broken, 10_000L);
    samples.pipeInput(
        "h1", batch("h1", 10_000).series("cpu.process.percent", constant(100, 1)).build(), 10_000L);

    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.getStage()).isEqualTo(FailureStage.PROCESSING);
    assertThat(letter.getProcessorNodeId()).isEqualTo("stats-split-at-window-boundaries");
    assertThat(letter.getReason()).contains("has 100 values, sampleCount is 120");
    assertThat(letter.getExceptionClass())
        .isEqualTo("io.tickwatch.streams.stats.InvalidSampleBatchException");
    assertThat(letter.getOriginalValue()).isNotNull();
    SampleBatch decoded =
        Topics.SAMPLES
            .valueSerde(registry)
            .deserializer()
            .deserialize(Topics.SAMPLES.name(), bytes(letter.getOriginalValue()));
    assertThat(decoded.getHostId()).isEqualTo("h2");
    assertThat(live.readKeyValuesToList()).anySatisfy(kv -> assertThat(kv.key).startsWith("h1/"));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
