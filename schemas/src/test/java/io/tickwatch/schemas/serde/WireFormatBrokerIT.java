package io.tickwatch.schemas.serde;

import static io.tickwatch.schemas.avro.AvroRecords.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.avro.ExampleRecords;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole contract on real parts: topics created from the catalogue on a real KRaft broker,
 * records produced through the serializer configured from plain Kafka properties against the
 * embedded registry (storing its schemas in Kafka), read back by a plain byte consumer, the id
 * resolved over HTTP, the body decoded.
 */
class WireFormatBrokerIT {
  private static final int RECORDS = 20;
  private static KafkaTestCluster kafka;
  private static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaTestCluster.start();
    kafka.createCatalogueTopics(Topics.all());
    registry =
        EmbeddedSchemaRegistry.builder()
            .bootstrapServers(kafka.bootstrapServers())
            .host("127.0.0.1")
            .port(0)
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldCreateEveryCatalogueTopicWithItsPartitionsAndCleanupPolicy() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Set<String> names = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
      var descriptions = admin.describeTopics(names).allTopicNames().get();
      List<ConfigResource> resources =
          names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
      Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();

      for (TopicSpec<?> topic : Topics.all()) {
        assertThat(descriptions.get(topic.name()).partitions()).hasSize(topic.partitions());
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
        assertThat(config.get("cleanup.policy").value())
            .as(topic.name())
            .isEqualTo(topic.compacted() ? "compact" : "delete");
        if (!topic.compacted()) {
          assertThat(config.get("retention.ms").value())
              .isEqualTo(Long.toString(topic.retentionMs()));
        }
      }
    }
  }

  @Test
  void shouldProduceWireFormatRecordsThatAPlainConsumerCanResolveAndDecode() throws Exception {
    String topic = Topics.SAMPLES.name();
    try (KafkaProducer<String, SampleBatch> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                AvroSerializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                registry.url()))) {
      for (int i = 0; i < RECORDS; i++) {
        SampleBatch batch =
            SampleBatch.newBuilder(ExampleRecords.sampleBatch()).setSequence(i).build();
        producer.send(new ProducerRecord<>(topic, batch.getHostId(), batch)).get();
      }
    }

    List<ConsumerRecord<String, byte[]>> records = consumeAll(topic, RECORDS);

    assertThat(records).hasSize(RECORDS);
    int schemaId = ByteBuffer.wrap(records.get(0).value(), 1, 4).getInt();
    HttpResponse<String> byId =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/ids/" + schemaId))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.body()).contains("SampleBatch");
    try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url())) {
      assertThat(client.getSubjects()).contains(Topics.SAMPLES.valueSubject());
      Schema registered = client.getById(schemaId);
      assertThat(registered).isEqualTo(SampleBatch.getClassSchema());
      AvroDeserializer<SampleBatch> deserializer =
          new AvroDeserializer<>(client, SampleBatch.class);
      for (int i = 0; i < records.size(); i++) {
        byte[] value = records.get(i).value();
        assertThat(value[0]).isZero();
        assertThat(ByteBuffer.wrap(value, 1, 4).getInt()).isEqualTo(schemaId);
        assertThat(records.get(i).key()).isEqualTo("host-1");
        SampleBatch decoded = deserializer.deserialize(topic, value);
        assertSameRecord(
            decoded,
            SampleBatch.newBuilder(ExampleRecords.sampleBatch())
                .setSequence(decoded.getSequence())
                .build());
      }
      assertThat(
              records.stream().map(r -> deserializer.deserialize(topic, r.value()).getSequence()))
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.LongStream.range(0, RECORDS).boxed().toList());
    }
  }

  @Test
  void shouldFailWithATypedExceptionOnAForeignRecordInTheTopic() throws Exception {
    String topic = Topics.DEAD_LETTER.name();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class))) {
      producer
          .send(
              new ProducerRecord<>(topic, "x", "{\"json\":true}".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    byte[] value = consumeAll(topic, 1).get(0).value();

    try (AvroDeserializer<Object> deserializer = new AvroDeserializer<>()) {
      deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
      assertThatThrownBy(() -> deserializer.deserialize(topic, value))
          .isInstanceOf(UnknownMagicByteException.class)
          .hasMessageContaining("0x7b");
    }
  }

  private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int expected) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      for (int poll = 0; poll < 100 && records.size() < expected; poll++) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
