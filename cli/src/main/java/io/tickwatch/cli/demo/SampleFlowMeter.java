package io.tickwatch.cli.demo;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what actually flows through {@code tickwatch.samples}: a group-less consumer that starts
 * at the end of every partition, decodes each record through the registry and counts batches,
 * sample slots and distinct hosts. Runs on its own daemon thread.
 */
public final class SampleFlowMeter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SampleFlowMeter.class);

  private final Consumer<String, SampleBatch> consumer;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong sampleSlots = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final Set<String> hosts = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean started = new AtomicBoolean();
  private final Thread thread;

  /** Cumulative counts since start. */
  public record Snapshot(long batches, long sampleSlots, long undecodable, int distinctHosts) {}

  public SampleFlowMeter(String bootstrapServers, SchemaRegistryClient registryClient) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "tickwatch-demo-flow-meter",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest");
    consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            new AvroDeserializer<>(registryClient, SampleBatch.class));
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.SAMPLES.name(), Duration.ofSeconds(15)).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    thread = new Thread(this::pollLoop, "tickwatch-demo-flow-meter");
    thread.setDaemon(true);
  }

  /** Starts the poll loop. */
  public void start() {
    started.set(true);
    thread.start();
  }

  public Snapshot snapshot() {
    return new Snapshot(batches.get(), sampleSlots.get(), undecodable.get(), hosts.size());
  }

  private void pollLoop() {
    try {
      while (running.get()) {
        try {
          for (ConsumerRecord<String, SampleBatch> record : consumer.poll(Duration.ofMillis(500))) {
            batches.incrementAndGet();
            sampleSlots.addAndGet(record.value().getSampleCount());
            hosts.add(record.value().getHostId());
          }
        } catch (RecordDeserializationException e) {
          undecodable.incrementAndGet();
          LOG.warn("Skipping undecodable record at {}: {}", e.topicPartition(), e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (RuntimeException e) {
      LOG.warn("Flow meter stopped", e);
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
  }

  /** Stops the poll loop and closes the consumer. Idempotent. */
  @Override
  public void close() {
    if (running.compareAndSet(true, false)) {
      if (!started.get()) {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        return;
      }
      consumer.wakeup();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
