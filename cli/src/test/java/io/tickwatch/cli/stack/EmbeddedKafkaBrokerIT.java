package io.tickwatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void shouldCreateCatalogueTopicsAndKeepDataAndClusterIdAcrossRestarts() throws Exception {
    Set<String> catalogue = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
    String firstClusterId;
    try (EmbeddedKafkaBroker broker = startBroker()) {
      assertThat(broker.formattedOnStart()).isTrue();
      firstClusterId = broker.clusterId();
      try (Admin admin = admin(broker)) {
        TopicBootstrapper.Result first = bootstrapper(admin).ensure(Topics.all());
        assertThat(first.created()).containsExactlyInAnyOrderElementsOf(catalogue);
        assertThat(first.existing()).isEmpty();
        assertTopicsMatchCatalogue(admin);
      }
      produce(broker, "host-a", "before-restart");
      assertThat(readAll(broker)).contains("before-restart");
    }

    try (EmbeddedKafkaBroker broker = startBroker()) {
      assertThat(broker.formattedOnStart()).isFalse();
      assertThat(broker.clusterId()).isEqualTo(firstClusterId);
      try (Admin admin = admin(broker)) {
        TopicBootstrapper.Result second = bootstrapper(admin).ensure(Topics.all());
        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).containsExactlyInAnyOrderElementsOf(catalogue);
      }
      assertThat(readAll(broker)).contains("before-restart");
    }
  }

  private EmbeddedKafkaBroker startBroker() {
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder()
            .dataDir(dataDir)
            .kafkaPort(PortCheck.findFreePort())
            .controllerPort(PortCheck.findFreePort())
            .build();
    broker.start();
    return broker;
  }

  private static TopicBootstrapper bootstrapper(Admin admin) {
    return new TopicBootstrapper(admin, (short) 1, TIMEOUT);
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static void assertTopicsMatchCatalogue(Admin admin) throws Exception {
    List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
    List<ConfigResource> resources =
        names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    Map<ConfigResource, Config> configs =
        admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
    for (TopicSpec<?> spec : Topics.all()) {
      assertThat(descriptions.get(spec.name()).partitions())
          .as("partitions of %s", spec.name())
          .hasSize(spec.partitions());
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
      assertThat(config.get("cleanup.policy").value())
          .as("cleanup.policy of %s", spec.name())
          .contains(spec.compacted() ? "compact" : "delete");
    }
  }

  private static void produce(EmbeddedKafkaBroker broker, String key, String value)
      throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer
          .send(new ProducerRecord<>(Topics.SAMPLES.name(), key, value))
          .get(30, TimeUnit.SECONDS);
    }
  }

  /** Reads tickwatch.samples from the beginning up to its current end offsets. */
  private static List<String> readAll(EmbeddedKafkaBroker broker) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.SAMPLES.name(), TIMEOUT).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
  }
}
