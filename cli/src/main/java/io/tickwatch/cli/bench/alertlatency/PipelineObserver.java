package io.tickwatch.cli.bench.alertlatency;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the final statistics and the anomaly events of the benchmark's hosts as they become
 * readable (as their consumers see them, from the end of the topics at start) and notes the
 * wall-clock time each was read: the stage boundaries of the latency breakdown.
 */
final class PipelineObserver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineObserver.class);

  /** First read of an anomaly event: wall clock and the event's time (its window's end). */
  record AnomalySeen(long readMillis, long eventTimeMillis) {}

  private final String hostPrefix;
  private final String statsTopic;
  private final String anomaliesTopic;
  private final KafkaConsumer<String, byte[]> statsConsumer;
  private final KafkaConsumer<String, byte[]> anomalyConsumer;
  private final AvroDeserializer<RollingStats> statsDeserializer;
  private final AvroDeserializer<AnomalyEvent> anomalyDeserializer;
  private final InstantSource clock;
  private final Map<String, Long> statsRead = new ConcurrentHashMap<>();
  private final Map<String, AnomalySeen> anomalies = new ConcurrentHashMap<>();
  private final AtomicLong finals = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  PipelineObserver(
      String hostPrefix,
      String bootstrapServers,
      String statsTopic,
      String anomaliesTopic,
      SchemaRegistryClient registry,
      InstantSource clock) {
    this.hostPrefix = hostPrefix;
    this.statsTopic = statsTopic;
    this.anomaliesTopic = anomaliesTopic;
    this.clock = clock;
    this.statsDeserializer = new AvroDeserializer<>(registry, RollingStats.class);
    this.anomalyDeserializer = new AvroDeserializer<>(registry, AnomalyEvent.class);
    // both read what their real readers read: committed transactions only (the anomaly app reads
    // the statistics under exactly-once, the alerting service reads the anomalies read_committed)
    this.statsConsumer = consumer(bootstrapServers, statsTopic, "read_committed");
    this.anomalyConsumer = consumer(bootstrapServers, anomaliesTopic, "read_committed");
    threads.add(new Thread(() -> run(statsConsumer), "tickwatch-bench-alert-stats-observer"));
    threads.add(new Thread(() -> run(anomalyConsumer), "tickwatch-bench-alert-anomaly-observer"));
    for (Thread t : threads) {
      t.setDaemon(true);
      t.start();
    }
  }

  private static KafkaConsumer<String, byte[]> consumer(
      String bootstrapServers, String topic, String isolation) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickwatch-bench-alert-observer-" + topic);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(topic, p.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before anything is injected
    return consumer;
  }

  /** Final 1 s statistics of the benchmark's hosts read so far. */
  long finalsRead() {
    return finals.get();
  }

  /** When the final 1 s statistic of {@code host} for the window ending at {@code end} was read. */
  long statsRead(String host, long windowEndMillis) {
    return statsRead.getOrDefault(host + "@" + windowEndMillis, -1L);
  }

  /** The first active anomaly event of {@code host}, or null. */
  AnomalySeen anomaly(String host) {
    return anomalies.get(host);
  }

  private void run(KafkaConsumer<String, byte[]> consumer) {
    try {
      while (!stop.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          long now = clock.millis();
          if (record.value() == null) {
            continue;
          }
          if (record.topic().equals(statsTopic)) {
            onStats(statsDeserializer.deserialize(statsTopic, record.value()), now);
          } else if (record.topic().equals(anomaliesTopic)) {
            onAnomaly(anomalyDeserializer.deserialize(anomaliesTopic, record.value()), now);
          }
        }
      }
    } catch (RuntimeException | Error e) {
      if (!stop.get()) {
        LOG.warn("Observer failed", e);
      }
    }
  }

  private void onStats(RollingStats s, long now) {
    String host = s.getHostId();
    if (host == null
        || !host.startsWith(hostPrefix)
        || !SimulatedAgents.METRIC.equals(s.getMetric())
        || s.getWindowSizeMillis() != 1000
        || !s.getFinalResult()) {
      return;
    }
    finals.incrementAndGet();
    statsRead.putIfAbsent(host + "@" + s.getWindowEndMillis().toEpochMilli(), now);
  }

  private void onAnomaly(AnomalyEvent e, long now) {
    LOG.info(
        "anomaly read: host {} active {} event time {}",
        e.getHostId(),
        e.getActive(),
        e.getEventTimeMillis());
    if (e.getHostId().startsWith(hostPrefix) && e.getActive()) {
      anomalies.putIfAbsent(
          e.getHostId(), new AnomalySeen(now, e.getEventTimeMillis().toEpochMilli()));
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    statsConsumer.wakeup();
    anomalyConsumer.wakeup();
    for (Thread t : threads) {
      t.join(10_000);
    }
    statsConsumer.close(Duration.ofSeconds(5));
    anomalyConsumer.close(Duration.ofSeconds(5));
  }
}
