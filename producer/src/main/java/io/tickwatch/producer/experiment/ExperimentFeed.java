package io.tickwatch.producer.experiment;

import io.tickwatch.avro.Experiment;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted experiments topic from the beginning on one daemon thread (its own consumer,
 * every partition assigned, no group) and hands every record to a listener. Retries quietly while
 * Kafka is unreachable; a malformed record is skipped with a warning. Never throws to its caller.
 */
public final class ExperimentFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final String topic;
  private final Map<String, Object> consumerConfig;
  private final Deserializer<Experiment> deserializer;
  private volatile boolean closing;
  private volatile Consumer<String, byte[]> consumer;
  private Thread thread;

  /** A feed of {@code topic} with the given consumer settings and value deserializer. */
  public ExperimentFeed(
      String topic, Map<String, Object> consumerConfig, Deserializer<Experiment> deserializer) {
    this.topic = topic;
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.consumerConfig.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumerConfig.putIfAbsent(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "tickwatch-experiments-" + UUID.randomUUID().toString().substring(0, 8));
    this.deserializer = deserializer;
  }

  /** A feed of {@code tickwatch.experiments} decoding through the schema registry. */
  public static ExperimentFeed connect(String bootstrapServers, String schemaRegistryUrl) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
    return new ExperimentFeed(
        Topics.EXPERIMENTS.name(),
        config,
        new AvroDeserializer<>(
            RestSchemaRegistryClient.builder(schemaRegistryUrl)
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(2))
                .build(),
            Experiment.class));
  }

  synchronized void start(BiConsumer<String, Experiment> listener) {
    if (thread != null || closing) {
      return;
    }
    thread = new Thread(() -> run(listener), "tickwatch-experiments");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(BiConsumer<String, Experiment> listener) {
    try {
      consumer = new KafkaConsumer<>(consumerConfig);
      while (!closing && !assign()) {
        pause();
      }
      while (!closing) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          handle(record, listener);
        }
      }
    } catch (WakeupException e) {
      // close requested
    } catch (Throwable t) {
      if (!closing) {
        LOG.warn("experiment feed stopped", t);
      }
    } finally {
      Consumer<String, byte[]> c = consumer;
      if (c != null) {
        try {
          c.close(Duration.ofMillis(300));
        } catch (Throwable t) {
          LOG.debug("closing the experiments consumer failed", t);
        }
      }
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record, BiConsumer<String, Experiment> out) {
    try {
      Experiment value =
          record.value() == null ? null : deserializer.deserialize(record.topic(), record.value());
      out.accept(record.key(), value);
    } catch (Throwable t) {
      LOG.warn(
          "skipping experiment record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          t.toString());
    }
  }

  private boolean assign() {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(1));
      if (infos == null || infos.isEmpty()) {
        return false;
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      LOG.info("following experiments on {} ({} partitions)", topic, partitions.size());
      return true;
    } catch (WakeupException e) {
      throw e;
    } catch (Throwable t) {
      LOG.debug("experiments topic not reachable yet: {}", t.toString());
      return false;
    }
  }

  private synchronized void pause() throws InterruptedException {
    if (!closing) {
      wait(500);
    }
  }

  /** Stops the thread (it closes its consumer). Idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closing = true;
      notifyAll();
      t = thread;
    }
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      try {
        c.wakeup();
      } catch (Throwable ignored) {
        // best effort
      }
    }
    if (t != null) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
