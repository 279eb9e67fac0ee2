package io.tickwatch.cli.export;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.rolling.SeriesId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the records of an Avro object container file (as written by {@link TopicExporter}) to a
 * topic through the registry-aware serializer. The records are read with the topic's current schema
 * as reader schema (Avro schema resolution handles files written with older versions).
 *
 * <p>Keys and timestamps are derived from the values: a sample batch is keyed by its host id and
 * stamped with the end of its interval (as the agent sends it); rolling statistics are keyed by
 * their series key and stamped with their window end.
 */
public final class AvroFileImporter {

  /** Records published, and where. */
  public record Result(long records, String topic) {}

  private AvroFileImporter() {}

  /**
   * @param topic target topic; empty: the topic recorded in the file's metadata
   * @throws IllegalArgumentException missing or unreadable file, unknown or unsupported topic
   */
  public static Result importFile(
      Path in,
      Optional<String> topic,
      String bootstrapServers,
      String schemaRegistryUrl,
      Consumer<String> progress) {
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException("no such file: " + in);
    }
    try (DataFileReader<SpecificRecord> probe =
        new DataFileReader<>(in.toFile(), new SpecificDatumReader<>())) {
      String name = topic.orElse(probe.getMetaString(TopicExporter.TOPIC_META));
      if (name == null) {
        throw new IllegalArgumentException(
            in
                + " does not name its topic (no "
                + TopicExporter.TOPIC_META
                + " metadata): pass --topic");
      }
      TopicSpec<?> spec = TopicExporter.avroTopic(name);
      if (spec != Topics.SAMPLES && spec != Topics.STATS && spec != Topics.STATS_LIVE) {
        throw new IllegalArgumentException(
            "import supports "
                + Topics.SAMPLES.name()
                + ", "
                + Topics.STATS.name()
                + " and "
                + Topics.STATS_LIVE.name()
                + " (their keys derive from the values), not "
                + name);
      }
      return publish(in, spec, bootstrapServers, schemaRegistryUrl, progress);
    } catch (IOException | AvroRuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read " + in + " as an Avro container file: " + e.getMessage(), e);
    }
  }

  private static Result publish(
      Path in,
      TopicSpec<?> spec,
      String bootstrapServers,
      String schemaRegistryUrl,
      Consumer<String> progress)
      throws IOException {
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long sent = 0;
    try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(schemaRegistryUrl);
        DataFileReader<SpecificRecord> reader =
            new DataFileReader<>(
                in.toFile(), new SpecificDatumReader<>(spec.valueSchema().orElseThrow()));
        KafkaProducer<String, Object> producer =
            new KafkaProducer<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG,
                    "tickwatch-import",
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.LINGER_MS_CONFIG,
                    20,
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    256 * 1024,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG,
                    "lz4"),
                new StringSerializer(),
                new AvroSerializer<>(registry))) {
      long lastReport = System.nanoTime();
      while (reader.hasNext() && failure.get() == null) {
        SpecificRecord value = reader.next();
        producer.send(
            new ProducerRecord<>(spec.name(), null, timestamp(value), key(value), value),
            (metadata, error) -> {
              if (error == null) {
                acked.incrementAndGet();
              } else {
                failure.compareAndSet(null, error);
              }
            });
        sent++;
        if (System.nanoTime() - lastReport > 1_000_000_000L) {
          progress.accept("published " + sent + " records to " + spec.name());
          lastReport = System.nanoTime();
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new UncheckedIOException(
          new IOException(
              "publishing to " + spec.name() + " failed: " + failure.get().getMessage(),
              failure.get()));
    }
    progress.accept("published " + acked.get() + " records to " + spec.name());
    return new Result(acked.get(), spec.name());
  }

  static String key(Object value) {
    if (value instanceof SampleBatch batch) {
      return batch.getHostId();
    }
    RollingStats stats = (RollingStats) value;
    return SeriesId.of(stats.getMetric(), stats.getLabels())
        .key(stats.getHostId() == null ? SeriesId.FLEET_HOST : stats.getHostId());
  }

  static Long timestamp(Object value) {
    if (value instanceof SampleBatch batch) {
      return batch.getStartTimeMillis().toEpochMilli()
          + Duration.ofNanos(1000L * batch.getSampleIntervalMicros() * batch.getSampleCount())
              .toMillis();
    }
    return ((RollingStats) value).getWindowEndMillis().toEpochMilli();
  }
}
