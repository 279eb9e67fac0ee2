package io.tickwatch.schemas.testkit;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The stack most ITs need: a real single-node KRaft broker ({@link KafkaTestCluster}) with every
 * catalogue topic created and ready to write, and the embedded schema registry (schemas in memory)
 * with a client for it. Start one per test class; {@link #close()} stops all of it.
 */
public final class KafkaStack implements AutoCloseable {

  public final KafkaTestCluster kafka;
  public final EmbeddedSchemaRegistry registry;
  public final SchemaRegistryClient registryClient;

  private KafkaStack(
      KafkaTestCluster kafka, EmbeddedSchemaRegistry registry, SchemaRegistryClient client) {
    this.kafka = kafka;
    this.registry = registry;
    this.registryClient = client;
  }

  /** Starts the broker, creates every catalogue topic (ready to write), starts the registry. */
  public static KafkaStack start() {
    KafkaTestCluster kafka = KafkaTestCluster.start();
    try {
      kafka.createCatalogueTopics(Topics.all());
      EmbeddedSchemaRegistry registry =
          EmbeddedSchemaRegistry.builder()
              .host("127.0.0.1")
              .port(0)
              .bootstrapServers(kafka.bootstrapServers())
              .inMemory()
              .build()
              .start();
      return new KafkaStack(kafka, registry, new RestSchemaRegistryClient(registry.url()));
    } catch (RuntimeException | Error e) {
      kafka.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  /** Every committed record of a topic, read from the beginning to the current end. */
  public <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values) {
    List<ConsumerRecord<String, V>> all = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (Instant.now().isBefore(deadline)
          && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  /** Closes the registry client, the registry and the broker. */
  @Override
  public void close() {
    try {
      registryClient.close();
      registry.close();
    } finally {
      kafka.close();
    }
  }
}
