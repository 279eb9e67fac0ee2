package io.tickwatch.schemas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KafkaUnderTest#createTopics} on an in-JVM cluster: topics come back ready to write. */
class KafkaTestClusterIT {

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

  @Test
  void shouldReturnFromCreateTopicsWithALeaderForEveryPartition() throws Exception {
    kafka.createTopics(new NewTopic("led-a", 8, (short) 1), new NewTopic("led-b", 3, (short) 1));

    try (Admin admin = kafka.createAdmin()) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of("led-a", "led-b")).allTopicNames().get();
      assertThat(topics.get("led-a").partitions())
          .hasSize(8)
          .allSatisfy(p -> assertThat(p.leader()).isNotNull().matches(l -> !l.isEmpty()));
      assertThat(topics.get("led-b").partitions())
          .hasSize(3)
          .allSatisfy(p -> assertThat(p.leader()).isNotNull().matches(l -> !l.isEmpty()));
    }
  }

  @Test
  void shouldLetAnIdempotentProducerWriteEveryPartitionAtOnceWithoutLosingARecord()
      throws Exception {
    int partitions = 12;
    int perPartition = 50;
    kafka.createTopic("written-at-once", partitions);

    // the KAFKA-15591 shape: many requests in flight to every fresh partition, idempotent
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                30_000),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < perPartition; i++) {
        for (int p = 0; p < partitions; p++) {
          sends.add(producer.send(new ProducerRecord<>("written-at-once", p, "k", p + "/" + i)));
        }
      }
      for (Future<RecordMetadata> send : sends) {
        send.get(60, TimeUnit.SECONDS);
      }
    }

    assertThat(readAll("written-at-once", partitions)).hasSize(partitions * perPartition);
  }

  @Test
  void shouldCreateCatalogueTopicsWithTheirPartitionsAndOneReplicaOnASingleBroker()
      throws Exception {
    kafka.createCatalogueTopics(List.of(Topics.SAMPLES, Topics.CONTROL));

    try (Admin admin = kafka.createAdmin()) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(List.of(Topics.SAMPLES.name(), Topics.CONTROL.name()))
              .allTopicNames()
              .get();
      for (TopicSpec<?> spec : List.of(Topics.SAMPLES, Topics.CONTROL)) {
        assertThat(topics.get(spec.name()).partitions())
            .as(spec.name())
            .hasSize(spec.partitions())
            .allSatisfy(
                p -> {
                  assertThat(p.replicas()).hasSize(1);
                  assertThat(p.leader()).isNotNull();
                });
      }
    }
  }

  @Test
  void shouldNameTheTopicWhenItCannotBeCreated() {
    // three replicas on a single broker: the creation itself fails
    assertThatThrownBy(() -> kafka.createTopics(new NewTopic("too-replicated", 1, (short) 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("too-replicated");
  }

  private static Set<String> readAll(String topic, int partitions) {
    List<TopicPartition> assigned = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      assigned.add(new TopicPartition(topic, p));
    }
    Set<String> values = new HashSet<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() - deadline < 0) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
