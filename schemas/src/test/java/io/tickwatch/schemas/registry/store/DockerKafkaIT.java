package io.tickwatch.schemas.registry.store;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same broker-backed tests as {@link KafkaSchemaStoreIT}, against Apache Kafka in a container.
 * Runs only where a Docker engine is reachable; elsewhere JUnit reports it as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerKafkaIT extends KafkaSchemaStoreContract {
  @Container private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

  @Override
  protected String bootstrapServers() {
    return KAFKA.getBootstrapServers();
  }
}
