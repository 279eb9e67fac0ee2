package io.tickwatch.streams.app;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.Topics;

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

  /** Starts the broker, creates every catalogue topic (ready to write), starts the registry. */
  public static TestStack start() {
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
      return new TestStack(kafka, registry, new RestSchemaRegistryClient(registry.url()));
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

  @Override
  public void close() {
    registryClient.close();
    registry.close();
    kafka.close();
  }
}
