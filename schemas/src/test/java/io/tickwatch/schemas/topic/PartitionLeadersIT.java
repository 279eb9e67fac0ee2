package io.tickwatch.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.schemas.testkit.KafkaTestCluster;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartitionLeadersIT {

  private static KafkaTestCluster kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaTestCluster.start();
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldReturnOnceEveryPartitionOfANewTopicHasALeader() throws Exception {
    try (Admin admin = kafka.createAdmin()) {
      admin.createTopics(List.of(new NewTopic("fresh", 6, (short) 1))).all().get();

      PartitionLeaders.await(admin, List.of("fresh"), Duration.ofSeconds(30));

      TopicDescription fresh =
          admin.describeTopics(List.of("fresh")).allTopicNames().get().get("fresh");
      assertThat(fresh.partitions()).hasSize(6).allSatisfy(p -> assertThat(p.leader()).isNotNull());
    }
  }

  @Test
  void shouldNameTheTopicWhenItNeverGetsALeader() {
    try (Admin admin = kafka.createAdmin()) {
      assertThatThrownBy(
              () -> PartitionLeaders.await(admin, List.of("never-created"), Duration.ofMillis(200)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("never-created")
          .hasMessageContaining("200 ms");
    }
  }
}
