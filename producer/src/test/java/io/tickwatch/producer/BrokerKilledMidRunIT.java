package io.tickwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The broker dies under a running agent: the host keeps recording, memory stays bounded. */
class BrokerKilledMidRunIT {

  @Test
  void shouldKeepHostCallsReturningAndAccountEveryBatchWhenTheBrokerDiesMidRun() throws Exception {
    long bound = 256 * 1024;
    KafkaTestCluster kafka = KafkaTestCluster.start();
    EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.builder().inMemory().host("127.0.0.1").port(0).build().start();
    TickwatchAgent agent = null;
    try {
      kafka.createCatalogueTopics(List.of(Topics.SAMPLES));
      agent =
          TickwatchAgent.builder("victim")
              .bootstrapServers(kafka.bootstrapServers())
              .schemaRegistryUrl(registry.url())
              .controlEnabled(false)
              .bufferBytes(bound)
              .build()
              .start();
      TickwatchAgent running = agent;
      Await.until("delivering", () -> running.status().batchesDelivered() >= 3);
      long deliveredBeforeKill = agent.status().batchesDelivered();

      kafka.close();
      kafka = null;

      long calls = 0;
      long maxUsed = 0;
      long producedAtKill = agent.status().batchesProduced();
      // keep the game running until the agent has produced 100 batches (10 s) with the broker gone
      while (agent.status().batchesProduced() < producedAtKill + 100) {
        for (int i = 0; i < 1000; i++) {
          agent.tick(3_000_000L);
          agent.actionLatency(ActionType.ATTACK, 150_000L);
          calls += 2;
        }
        maxUsed = Math.max(maxUsed, agent.status().bufferUsedBytes());
        Thread.onSpinWait();
      }
      Await.until("drops counted", () -> running.status().batchesDropped() > 0);
      agent.close();

      AgentStatus status = agent.status();
      assertThat(calls).isPositive();
      assertThat(maxUsed).isLessThanOrEqualTo(bound);
      assertThat(status.batchesDelivered()).isGreaterThanOrEqualTo(deliveredBeforeKill);
      assertThat(status.batchesProduced())
          .isEqualTo(status.batchesDelivered() + status.batchesDropped());
      assertThat(status.batchesPending()).isZero();
    } finally {
      if (agent != null) {
        agent.close();
      }
      registry.close();
      if (kafka != null) {
        kafka.close();
      }
    }
  }
}
