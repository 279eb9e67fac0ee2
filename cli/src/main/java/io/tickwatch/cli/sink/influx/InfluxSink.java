package io.tickwatch.cli.sink.influx;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies {@code RollingStats} records from Kafka into InfluxDB, at least once.
 *
 * <p>Loop: poll a batch of records, decode them through the schema registry, encode them as line
 * protocol ({@link RollingStatsPoints}, {@link LineProtocol}), write them in requests of at most
 * {@code batchPoints} points ({@link RetryingLineWriter}: network errors, 429 and 5xx are retried
 * with backoff), and only then commit the batch's offsets. A crash between write and commit writes
 * the same points again on restart, which InfluxDB absorbs (a point with the same measurement, tag
 * set and timestamp overwrites its fields). A 400 answer (points InfluxDB cannot take, e.g. a field
 * type conflict) is logged with InfluxDB's message, counted as rejected and skipped; any other 4xx
 * (bad database, credentials) stops the sink with that message. Undecodable records are logged,
 * counted and skipped.
 *
 * <p>{@link #run()} blocks on the calling thread; {@link #stop()} (any thread) ends it without
 * committing anything that was not written. Not reusable after {@code run()} returns.
 */
public final class InfluxSink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxSink.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final InfluxSinkConfig config;
  private final Consumer<byte[], byte[]> consumer;
  private final Deserializer<RollingStats> values;
  private final RetryingLineWriter writer;
  private final AutoCloseable resources;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong recordsRead = new AtomicLong();
  private final AtomicLong pointsWritten = new AtomicLong();
  private final AtomicLong pointsRejected = new AtomicLong();
  private final AtomicLong recordsSkipped = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();

  /**
   * Assembles a sink from its parts (tests pass a MockConsumer or a fake writer).
   *
   * @param resources closed by {@link #close()} after the consumer (the registry client)
   */
  public InfluxSink(
      InfluxSinkConfig config,
      Consumer<byte[], byte[]> consumer,
      Deserializer<RollingStats> values,
      LineWriter writer,
      AutoCloseable resources) {
    this.config = config;
    this.consumer = consumer;
    this.values = values;
    this.resources = resources;
    this.writer =
        new RetryingLineWriter(
            writer,
            config.initialBackoff(),
            config.maxBackoff(),
            config.maxAttempts(),
            this::pause);
  }

  /** A sink with a Kafka consumer, a registry client and an HTTP writer from the config. */
  public static InfluxSink create(InfluxSinkConfig config) {
    SchemaRegistryClient registry = new RestSchemaRegistryClient(config.schemaRegistryUrl());
    try {
      KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(
              consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
      return new InfluxSink(
          config,
          consumer,
          new AvroDeserializer<>(registry, RollingStats.class),
          new InfluxHttpWriter(config.target(), Duration.ofSeconds(5), Duration.ofSeconds(30)),
          registry);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  /** The consumer properties: the pass-through ones first, then the sink's own. */
  static Map<String, Object> consumerProperties(InfluxSinkConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId());
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // the stats topology writes in exactly-once transactions: never export an aborted result
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchPoints());
    return props;
  }

  /**
   * Consumes and writes until {@link #stop()}.
   *
   * @throws InfluxWriteException when InfluxDB refuses a write for good (a 4xx other than 400, or
   *     the last allowed attempt failed); nothing of the failed batch is committed
   */
  public void run() throws InfluxWriteException {
    consumer.subscribe(List.of(config.topic()));
    LOG.info("InfluxDB sink: {} -> {}", config.topic(), config.target());
    long lastProgress = System.nanoTime();
    try {
      while (stopped.getCount() > 0) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          if (!writeAll(records)) {
            return;
          }
          commit();
        }
        if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
          LOG.info(
              "InfluxDB sink: {} records read, {} points written, {} rejected, {} skipped",
              recordsRead.get(),
              pointsWritten.get(),
              pointsRejected.get(),
              recordsSkipped.get());
          lastProgress = System.nanoTime();
        }
      }
    } catch (WakeupException e) {
      if (stopped.getCount() > 0) {
        throw e;
      }
    }
  }

  /** Ends {@link #run()} soon (an in-flight write finishes; a retry pause is cut short). */
  public void stop() {
    stopped.countDown();
    consumer.wakeup();
  }

  /** Records consumed so far. */
  public long recordsRead() {
    return recordsRead.get();
  }

  /** Points InfluxDB accepted so far. */
  public long pointsWritten() {
    return pointsWritten.get();
  }

  /** Points InfluxDB refused with 400 (logged and skipped). */
  public long pointsRejected() {
    return pointsRejected.get();
  }

  /** Records that could not be decoded or had no writable field. */
  public long recordsSkipped() {
    return recordsSkipped.get();
  }

  /** Successful offset commits. */
  public long commits() {
    return commits.get();
  }

  private boolean writeAll(ConsumerRecords<byte[], byte[]> records) throws InfluxWriteException {
    StringBuilder body = new StringBuilder();
    int points = 0;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      recordsRead.incrementAndGet();
      RollingStats stats;
      try {
        stats = record.value() == null ? null : values.deserialize(record.topic(), record.value());
      } catch (SerializationException e) {
        LOG.warn(
            "Skipping undecodable record {}-{}@{}: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
        recordsSkipped.incrementAndGet();
        continue;
      }
      if (stats == null
          || !LineProtocol.append(body, RollingStatsPoints.toPoint(config.measurement(), stats))) {
        recordsSkipped.incrementAndGet();
        continue;
      }
      if (++points == config.batchPoints()) {
        if (!flush(body, points)) {
          return false;
        }
        body.setLength(0);
        points = 0;
      }
    }
    return points == 0 || flush(body, points);
  }

  private boolean flush(StringBuilder body, int points) throws InfluxWriteException {
    try {
      if (!writer.write(body.toString())) {
        return false;
      }
      pointsWritten.addAndGet(points);
    } catch (InfluxWriteException e) {
      if (e.status() != 400) {
        throw e;
      }
      LOG.error("InfluxDB rejected {} points (skipped): {}", points, e.body());
      pointsRejected.addAndGet(points);
    }
    return true;
  }

  private void commit() {
    try {
      consumer.commitSync();
      commits.incrementAndGet();
    } catch (CommitFailedException e) {
      // the group rebalanced while a write was retried: the records are read and written again
      LOG.warn("Offset commit failed ({}); the last batch will be written again", e.getMessage());
    }
  }

  private boolean pause(Duration duration) {
    try {
      return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    try {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    } finally {
      try {
        resources.close();
      } catch (Exception e) {
        LOG.warn("Closing the sink's resources failed", e);
      }
    }
  }
}
