package io.tickwatch.schemas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A broker behind a {@link FaultProxy}: clients only ever reach it through the proxy. */
class KafkaBehindProxyIT {

  private static KafkaTestCluster kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaTestCluster.startBehindProxy();
    kafka.createTopic("proxied", 1);
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldAdvertiseTheProxyAddressSoClientsNeverBypassIt() throws Exception {
    try (Admin admin = kafka.createAdmin()) {
      List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get());
      assertThat(nodes).hasSize(1);
      assertThat(nodes.get(0).host() + ":" + nodes.get(0).port())
          .isEqualTo(kafka.proxy().address());
    }
    assertThat(kafka.bootstrapServers()).isEqualTo(kafka.proxy().address());
  }

  @Test
  void shouldCarryProduceAndFetchThroughTheProxy() throws Exception {
    long before = kafka.proxy().bytesForwarded();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>("proxied", "k", "v")).get(30, TimeUnit.SECONDS);
    }
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "proxied",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of("proxied"));
      ConsumerRecord<String, String> record = null;
      for (int i = 0; i < 150 && record == null; i++) {
        var records = consumer.poll(Duration.ofMillis(200));
        record = records.isEmpty() ? null : records.iterator().next();
      }
      assertThat(record).isNotNull();
      assertThat(record.value()).isEqualTo("v");
    }
    assertThat(kafka.proxy().bytesForwarded()).isGreaterThan(before);
  }

  @Test
  void shouldMakeTheBrokerUnreachableWhenCutAndReachableAgainOnPass() throws Exception {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
            200);
    try (Admin admin = Admin.create(config)) {
      kafka.proxy().cut();
      try {
        assertThatThrownBy(
                () ->
                    admin
                        .describeCluster(new DescribeClusterOptions().timeoutMs(1500))
                        .clusterId()
                        .get())
            .isInstanceOf(ExecutionException.class);
      } finally {
        kafka.proxy().pass();
      }
      assertThat(
              admin
                  .describeCluster(new DescribeClusterOptions().timeoutMs(30_000))
                  .clusterId()
                  .get())
          .isNotBlank();
    }
  }
}
