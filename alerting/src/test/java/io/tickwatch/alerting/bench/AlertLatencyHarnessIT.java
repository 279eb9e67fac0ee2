package io.tickwatch.alerting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.PartitionLeaders;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * The latency harness runs end to end on a real broker (incidents from {@code
 * -Dtickwatch.bench.incidents}, 5 by default). Asserts that it measured, never how fast.
 */
class AlertLatencyHarnessIT {
  @Test
  void shouldMeasureEveryIncident() throws Exception {
    int incidents = Integer.getInteger("tickwatch.bench.incidents", 5);
    try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        admin
            .createTopics(Topics.all().stream().map(t -> t.toNewTopic((short) 1)).toList())
            .all()
            .get();
        PartitionLeaders.awaitAll(admin, Duration.ofSeconds(60));
      }
      try (EmbeddedSchemaRegistry registry =
          EmbeddedSchemaRegistry.builder()
              .bootstrapServers(kafka.bootstrapServers())
              .host("127.0.0.1")
              .port(0)
              .build()
              .start()) {
        AlertLatencyHarness.Result result =
            AlertLatencyHarness.run(
                kafka.bootstrapServers(),
                registry.url(),
                incidents,
                Map.of(),
                Duration.ofSeconds(30));
        assertThat(result.incidents()).isEqualTo(incidents);
        assertThat(result.p50Millis()).isPositive().isLessThanOrEqualTo(result.p99Millis());
        assertThat(result.p99Millis()).isLessThanOrEqualTo(result.maxMillis());
      }
    }
  }
}
