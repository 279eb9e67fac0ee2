package io.tickwatch.cli.experiment;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.Experiment;
import io.tickwatch.cli.options.ClusterConnectionOptions;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads and writes the experiment topics for the CLI and the demo: the latest {@link Experiment}
 * per id from the compacted {@code tickwatch.experiments} (read from the beginning to the end
 * offsets), writes new versions of a definition, and finds the latest {@link AbResult} of an
 * experiment on {@code tickwatch.ab-results} (only the partition its key hashes to is read).
 * Blocking; one instance per command, closed after use.
 */
public final class ExperimentTopics implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final String bootstrapServers;
  private final SchemaRegistryClient registry;
  private KafkaProducer<String, byte[]> producer;

  /** Connects lazily to the cluster and registry. */
  /** Topics of the cluster and registry named by the command's connection options. */
  static ExperimentTopics open(ClusterConnectionOptions connection) {
    return new ExperimentTopics(connection.bootstrapServers(), connection.schemaRegistryUrl());
  }

  public ExperimentTopics(String bootstrapServers, String schemaRegistryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.registry = RestSchemaRegistryClient.builder(schemaRegistryUrl).build();
  }

  /** The latest definition of every experiment, by id (tombstoned ids are absent). */
  public Map<String, Experiment> experiments() {
    AvroDeserializer<Experiment> values = new AvroDeserializer<>(registry, Experiment.class);
    Map<String, Experiment> latest = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r : readAll(Topics.EXPERIMENTS.name(), null)) {
      if (r.value() == null) {
        latest.remove(r.key());
      } else {
        latest.put(r.key(), values.deserialize(r.topic(), r.value()));
      }
    }
    return latest;
  }

  /** The latest definition of one experiment. */
  public Optional<Experiment> experiment(String experimentId) {
    return Optional.ofNullable(experiments().get(experimentId));
  }

  /** Writes a definition (keyed by its id) and waits for the acknowledgement. */
  public void write(Experiment experiment) {
    AvroSerializer<Experiment> serializer = new AvroSerializer<>(registry);
    byte[] value = serializer.serialize(Topics.EXPERIMENTS.name(), experiment);
    try {
      producer()
          .send(
              new ProducerRecord<>(Topics.EXPERIMENTS.name(), experiment.getExperimentId(), value))
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the experiment", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "could not write to " + Topics.EXPERIMENTS.name() + ": " + e.getMessage(), e);
    }
  }

  /** Every evaluation of one experiment, oldest first. */
  public List<AbResult> results(String experimentId) {
    AvroDeserializer<AbResult> values = new AvroDeserializer<>(registry, AbResult.class);
    List<AbResult> out = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : readAll(Topics.AB_RESULTS.name(), experimentId)) {
      if (experimentId.equals(r.key()) && r.value() != null) {
        out.add(values.deserialize(r.topic(), r.value()));
      }
    }
    return out;
  }

  /** The latest evaluation of one experiment. */
  public Optional<AbResult> latestResult(String experimentId) {
    List<AbResult> all = results(experimentId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String topic, String onlyKey) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      if (onlyKey != null) {
        int p =
            Utils.toPositive(
                    Utils.murmur2(onlyKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions.size();
        partitions = List.of(new TopicPartition(topic, p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
      List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + topic);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>();
      config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() - 1000);
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
      producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
  }
}
