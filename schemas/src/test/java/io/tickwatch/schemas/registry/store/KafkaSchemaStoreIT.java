package io.tickwatch.schemas.registry.store;

import io.tickwatch.schemas.testkit.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Kafka-backed registry store on a real in-JVM KRaft broker. */
class KafkaSchemaStoreIT extends KafkaSchemaStoreContract {
  private static KafkaTestCluster kafka;

  @BeforeAll
  static void startKafka() {
    kafka = KafkaTestCluster.start();
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Override
  protected String bootstrapServers() {
    return kafka.bootstrapServers();
  }
}
