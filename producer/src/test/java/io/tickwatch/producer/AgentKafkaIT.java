package io.tickwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent against a real in-JVM KRaft broker and the embedded schema registry. */
class AgentKafkaIT {

  private static KafkaTestCluster kafka;
  private static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaTestCluster.start();
    kafka.createCatalogueTopics(List.of(Topics.SAMPLES, Topics.CONTROL));
    registry =
        EmbeddedSchemaRegistry.builder().inMemory().host("127.0.0.1").port(0).build().start();
  }

  @AfterAll
  static void stopKafka() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldPublishRegistryEncodedBatchesKeyedByHostAndExecuteControlCommands() {
    List<ControlCommand> shed = new CopyOnWriteArrayList<>();
    TickwatchAgent agent =
        TickwatchAgent.builder("it-host")
            .cluster("it")
            .tag("region", "local")
            .bootstrapServers(kafka.bootstrapServers())
            .schemaRegistryUrl(registry.url())
            .onControl(ShedLoad.class, shed::add)
            .build()
            .start();
    try {
      for (int i = 0; i < 1000; i++) {
        agent.tick(2_000_000L);
        agent.actionLatency(ActionType.MOVE, 300_000L);
      }
      Await.until("3 batches delivered", () -> agent.status().batchesDelivered() >= 3);
      List<ConsumerRecord<String, SampleBatch>> records = readSamples(3);
      SampleBatch first = records.get(0).value();
      assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo("it-host"));
      assertThat(first.getHostId()).isEqualTo("it-host");
      assertThat(first.getTags()).containsEntry("region", "local");
      assertThat(first.getSampleCount()).isEqualTo(100);
      assertThat(first.getSeries())
          .extracting(s -> s.getName())
          .contains("cpu.process.percent", "heap.used.bytes", "tick.count");
      assertThat(first.getHealth().getBufferCapacityBytes()).isEqualTo(4L << 20);

      ControlCommand command =
          ControlCommand.newBuilder()
              .setCommandId("cmd-1")
              .setTargetHostId("it-host")
              .setIssuedAtMillis(Instant.now())
              .setExpiresAtMillis(Instant.now().plusSeconds(300))
              .setIssuer("it")
              .setPayloadType(ShedLoad.class.getSimpleName())
              .setPayload(new ShedLoad(0.3))
              .build();
      int[] polls = {0};
      // the listener starts at the end of the topic: resend (same id, executed once) until seen
      Await.until(
          "ShedLoad executed",
          () -> {
            if (shed.isEmpty() && polls[0]++ % 250 == 0) {
              sendControl(command);
            }
            return !shed.isEmpty();
          });
      assertThat(shed.get(0).getCommandId()).isEqualTo("cmd-1");
    } finally {
      agent.close();
    }
    AgentStatus status = agent.status();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());
  }

  private static List<ConsumerRecord<String, SampleBatch>> readSamples(int n) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "agent-it",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, SampleBatch> consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            new AvroDeserializer<>(
                new RestSchemaRegistryClient(registry.url()), SampleBatch.class))) {
      consumer.subscribe(List.of(Topics.SAMPLES.name()));
      List<ConsumerRecord<String, SampleBatch>> records = new ArrayList<>();
      Await.until(
          n + " sample records",
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= n;
          });
      return records;
    }
  }

  private static void sendControl(ControlCommand command) {
    Map<String, Object> config =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<String, ControlCommand> producer =
        new KafkaProducer<>(
            config,
            new StringSerializer(),
            new AvroSerializer<>(new RestSchemaRegistryClient(registry.url())))) {
      producer.send(
          new ProducerRecord<>(Topics.CONTROL.name(), command.getTargetHostId(), command));
      producer.flush();
    }
  }
}
