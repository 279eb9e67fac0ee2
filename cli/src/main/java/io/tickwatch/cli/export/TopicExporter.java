package io.tickwatch.cli.export;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.cli.replay.ProgressBar;
import io.tickwatch.cli.replay.ReplayOffsets;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Exports the records of one catalogue topic whose event time lies in {@code [from, to)} to an Avro
 * object container file (the topic's current schema as writer schema, file metadata {@value
 * #TOPIC_META} = topic name) or, for {@code tickwatch.samples}, to CSV ({@link SampleCsv}).
 *
 * <p>Event time: {@code startTimeMillis} of a sample batch, {@code windowStartMillis} of rolling
 * statistics, the record timestamp otherwise. Reading starts at the offsets of {@code from} and
 * stops after {@code to} (see {@link ReplayOffsets}); the file is written next to the target and
 * moved into place at the end, so a failed export leaves no partial file.
 */
public final class TopicExporter {

  /** Avro file metadata key naming the topic the records came from. */
  public static final String TOPIC_META = "tickwatch.topic";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** File format. */
  public enum Format {
    AVRO,
    CSV
  }

  /**
   * @param topic a catalogue topic with Avro values
   * @param format file format; CSV only for {@code tickwatch.samples}
   */
  public record Request(
      String topic,
      Instant from,
      Instant to,
      Path out,
      Format format,
      String bootstrapServers,
      String schemaRegistryUrl) {
    public Request {
      Objects.requireNonNull(out, "out");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException(
            "--from (" + from + ") must be before --to (" + to + ")");
      }
    }
  }

  /**
   * @param records records written
   * @param rows CSV rows written (equal to records for Avro)
   */
  public record Result(long records, long rows, long scanned, Path file) {}

  private TopicExporter() {}

  /** The catalogue topic with this name, or an exception naming the choices. */
  public static TopicSpec<?> avroTopic(String name) {
    TopicSpec<?> spec =
        Topics.byName(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown topic '"
                            + name
                            + "' (catalogue: "
                            + Topics.all().stream()
                                .filter(TopicSpec::isAvro)
                                .map(TopicSpec::name)
                                .collect(Collectors.joining(", "))
                            + ")"));
    if (!spec.isAvro()) {
      throw new IllegalArgumentException("topic '" + name + "' does not carry Avro records");
    }
    return spec;
  }

  /** Runs the export; {@code progress} receives a rendered progress line now and then. */
  public static Result export(Request request, Consumer<String> progress) {
    TopicSpec<?> spec = avroTopic(request.topic());
    if (request.format() == Format.CSV && spec != Topics.SAMPLES) {
      throw new IllegalArgumentException(
          "CSV export supports " + Topics.SAMPLES.name() + " only; use --format avro");
    }
    Path target = request.out().toAbsolutePath();
    Path dir = target.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("directory " + dir + " does not exist");
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Instant started = Instant.now();
    try (RestSchemaRegistryClient registry =
            new RestSchemaRegistryClient(request.schemaRegistryUrl());
        KafkaConsumer<byte[], byte[]> consumer = consumer(request.bootstrapServers())) {
      ReplayOffsets offsets =
          ReplayOffsets.plan(consumer, spec.name(), request.from(), request.to(), TIMEOUT);
      AvroDeserializer<?> values = new AvroDeserializer<>(registry, spec.valueType());
      Sink sink =
          request.format() == Format.CSV
              ? new CsvSink(Files.newOutputStream(partial))
              : new AvroSink(spec, Files.newOutputStream(partial));
      long records = 0;
      long scanned = 0;
      try (sink) {
        List<TopicPartition> partitions = List.copyOf(offsets.start().keySet());
        consumer.assign(partitions);
        offsets.start().forEach(consumer::seek);
        long lastReport = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < offsets.stop().get(p))) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (record.offset() >= offsets.stop().get(tp)) {
              continue;
            }
            scanned++;
            Object value = values.deserialize(record.topic(), record.value());
            long eventTime = eventTime(value, record.timestamp());
            if (eventTime >= request.from().toEpochMilli()
                && eventTime < request.to().toEpochMilli()) {
              sink.write(value);
              records++;
            }
          }
          if (System.nanoTime() - lastReport > 500_000_000L) {
            progress.accept(
                ProgressBar.render(
                    scanned, offsets.total(), Duration.between(started, Instant.now()), "records"));
            lastReport = System.nanoTime();
          }
        }
        progress.accept(
            ProgressBar.render(
                scanned, offsets.total(), Duration.between(started, Instant.now()), "records"));
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return new Result(records, sink.rows(), scanned, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // best effort: the partial file only remains after an I/O failure
      }
    }
  }

  static long eventTime(Object value, long recordTimestamp) {
    if (value instanceof SampleBatch batch) {
      return batch.getStartTimeMillis().toEpochMilli();
    }
    if (value instanceof RollingStats stats) {
      return stats.getWindowStartMillis().toEpochMilli();
    }
    return recordTimestamp;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "tickwatch-export",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            2000),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private interface Sink extends AutoCloseable {
    void write(Object value) throws IOException;

    long rows();

    @Override
    void close() throws IOException;
  }

  private static final class AvroSink implements Sink {
    private final DataFileWriter<SpecificRecord> writer;
    private long rows;

    AvroSink(TopicSpec<?> spec, OutputStream out) throws IOException {
      Schema schema = spec.valueSchema().orElseThrow();
      writer = new DataFileWriter<>(new SpecificDatumWriter<>(schema));
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.setMeta(TOPIC_META, spec.name());
      writer.create(schema, out);
    }

    @Override
    public void write(Object value) throws IOException {
      writer.append((SpecificRecord) value);
      rows++;
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }

  private static final class CsvSink implements Sink {
    private final Writer writer;
    private long rows;

    CsvSink(OutputStream out) throws IOException {
      writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      writer.write(SampleCsv.HEADER);
      writer.write('\n');
    }

    @Override
    public void write(Object value) throws IOException {
      rows += SampleCsv.write((SampleBatch) value, writer);
    }

    @Override
    public long rows() {
      return rows;
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }
}
