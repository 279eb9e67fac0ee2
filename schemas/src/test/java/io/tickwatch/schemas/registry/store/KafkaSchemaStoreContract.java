package io.tickwatch.schemas.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.schemas.registry.CompatibilityLevel;
import io.tickwatch.schemas.registry.RegisteredSchema;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryException;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Behaviour of the embedded registry on a Kafka-backed store, against whatever broker a subclass
 * provides (in-JVM KRaft, or a container where Docker exists). Each test uses its own topic.
 */
abstract class KafkaSchemaStoreContract {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Schema V1 =
      SchemaBuilder.record("Tick").namespace("t").fields().requiredLong("tick").endRecord();
  private static final Schema V2 =
      SchemaBuilder.record("Tick")
          .namespace("t")
          .fields()
          .requiredLong("tick")
          .name("host")
          .type()
          .stringType()
          .stringDefault("unknown")
          .endRecord();
  private static final Schema V3 =
      SchemaBuilder.record("Tick")
          .namespace("t")
          .fields()
          .requiredLong("tick")
          .name("host")
          .type()
          .stringType()
          .stringDefault("unknown")
          .name("load")
          .type()
          .doubleType()
          .doubleDefault(0.0)
          .endRecord();
  private static final Schema OTHER =
      SchemaBuilder.enumeration("Level").namespace("t").symbols("LOW", "HIGH");

  /** Bootstrap servers of the broker under test. */
  protected abstract String bootstrapServers();

  @Test
  void shouldKeepIdsVersionsAndConfigAcrossRestarts(TestInfo test) {
    String topic = topicFor(test);
    int v1;
    int v2;
    int other;
    try (EmbeddedSchemaRegistry first = registry(topic).start()) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(first.url());
      v1 = client.register("a-value", V1);
      v2 = client.register("a-value", V2);
      other = client.register("b-value", OTHER);
      assertThat(client.register("c-value", V1)).isEqualTo(v1);
      client.setCompatibility(Optional.of("a-value"), CompatibilityLevel.FULL);
      client.setCompatibility(Optional.empty(), CompatibilityLevel.FORWARD);
    }

    try (EmbeddedSchemaRegistry second = registry(topic).start()) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(second.url());

      assertThat(client.getSubjects()).containsExactly("a-value", "b-value", "c-value");
      assertThat(client.getVersions("a-value")).containsExactly(1, 2);
      assertThat(client.getVersion("a-value", 1))
          .isEqualTo(new RegisteredSchema("a-value", 1, v1, V1));
      assertThat(client.getLatest("a-value")).isEqualTo(new RegisteredSchema("a-value", 2, v2, V2));
      assertThat(client.getLatest("c-value").id()).isEqualTo(v1);
      assertThat(client.getById(other)).isEqualTo(OTHER);
      assertThat(client.getCompatibility(Optional.of("a-value")))
          .isEqualTo(CompatibilityLevel.FULL);
      assertThat(client.getCompatibility(Optional.empty())).isEqualTo(CompatibilityLevel.FORWARD);
      // idempotent after the restart too
      assertThat(client.register("a-value", V2)).isEqualTo(v2);

      int v3 = client.register("a-value", V3);

      assertThat(v3).isGreaterThan(Math.max(v1, Math.max(v2, other)));
      assertThat(client.getVersions("a-value")).containsExactly(1, 2, 3);
    }
  }

  @Test
  void shouldCreateTheDefaultTopicCompactedWithOnePartition() throws Exception {
    try (EmbeddedSchemaRegistry registry =
            EmbeddedSchemaRegistry.builder()
                .bootstrapServers(bootstrapServers())
                .port(0)
                .kafkaTimeout(TIMEOUT)
                .build()
                .start();
        Admin admin = admin()) {
      new RestSchemaRegistryClient(registry.url()).register("a-value", V1);

      TopicDescription description =
          admin
              .describeTopics(List.of(KafkaSchemaStore.DEFAULT_TOPIC))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(KafkaSchemaStore.DEFAULT_TOPIC);
      ConfigResource resource =
          new ConfigResource(ConfigResource.Type.TOPIC, KafkaSchemaStore.DEFAULT_TOPIC);
      Config config =
          admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);

      assertThat(description.partitions()).hasSize(1);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void shouldWriteConfluentShapedJsonRecords(TestInfo test) throws Exception {
    String topic = topicFor(test);
    int id;
    try (EmbeddedSchemaRegistry registry = registry(topic).start()) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
      id = client.register("a-value", V1);
      client.setCompatibility(Optional.empty(), CompatibilityLevel.NONE);
    }

    List<ConsumerRecord<String, String>> records = readAll(topic, 2);
    ObjectMapper json = new ObjectMapper();
    JsonNode schemaKey = json.readTree(records.get(0).key());
    JsonNode schemaValue = json.readTree(records.get(0).value());
    JsonNode configKey = json.readTree(records.get(1).key());
    JsonNode configValue = json.readTree(records.get(1).value());

    assertThat(schemaKey.toString())
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":1,\"magic\":1}");
    assertThat(schemaValue.get("id").asInt()).isEqualTo(id);
    assertThat(schemaValue.get("subject").asText()).isEqualTo("a-value");
    assertThat(new Schema.Parser().parse(schemaValue.get("schema").asText())).isEqualTo(V1);
    assertThat(configKey.toString())
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(configValue.toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
  }

  @Test
  void shouldNotStoreARefusedSchema(TestInfo test) {
    String topic = topicFor(test);
    try (EmbeddedSchemaRegistry registry = registry(topic).start()) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
      client.register("a-value", V1);
      assertThatThrownBy(() -> client.register("a-value", OTHER))
          .isInstanceOf(SchemaRegistryException.class);
    }

    try (EmbeddedSchemaRegistry registry = registry(topic).start()) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
      assertThat(client.getVersions("a-value")).containsExactly(1);
    }
  }

  private EmbeddedSchemaRegistry registry(String topic) {
    return EmbeddedSchemaRegistry.builder()
        .bootstrapServers(bootstrapServers())
        .topic(topic)
        .port(0)
        .kafkaTimeout(TIMEOUT)
        .build();
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    TopicPartition partition = new TopicPartition(topic, 0);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      for (int polls = 0; polls < 150 && consumer.position(partition, TIMEOUT) < end; polls++) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertThat(records).hasSize(expected);
    return records;
  }

  private static String topicFor(TestInfo test) {
    return "tickwatch.schemas.it." + test.getTestMethod().orElseThrow().getName();
  }
}
