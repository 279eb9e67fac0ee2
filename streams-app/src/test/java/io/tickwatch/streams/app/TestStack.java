package io.tickwatch.streams.app;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.PartitionLeaders;
import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** A real KRaft broker, every catalogue topic and the embedded schema registry, for ITs. */
public final class TestStack implements AutoCloseable {

  public final KafkaTestCluster kafka;
  public final EmbeddedSchemaRegistry registry;
  public final SchemaRegistryClient registryClient;

  private TestStack(
      KafkaTestCluster kafka, EmbeddedSchemaRegistry registry, SchemaRegistryClient client) {
    this.kafka = kafka;
    this.registry = registry;
    this.registryClient = client;
  }

  public static TestStack start() throws Exception {
    KafkaTestCluster kafka = KafkaTestCluster.start();
    try (Admin admin = kafka.createAdmin()) {
      List<NewTopic> topics =
          Topics.all().stream().map(t -> ((TopicSpec<?>) t).toNewTopic((short) 1)).toList();
      admin.createTopics(topics).all().get();
      PartitionLeaders.await(
          admin, topics.stream().map(NewTopic::name).toList(), Duration.ofSeconds(30));
    }
    EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.builder()
            .host("127.0.0.1")
            .port(0)
            .bootstrapServers(kafka.bootstrapServers())
            .inMemory()
            .build()
            .start();
    return new TestStack(kafka, registry, new RestSchemaRegistryClient(registry.url()));
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  @Override
  public void close() throws Exception {
    registryClient.close();
    registry.close();
    kafka.close();
  }
}
