package io.tickwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class AgentKafkaClientPropertiesTest {

  @Test
  void shouldPassSecuritySettingsToTheProducerAndTheControlConsumer() {
    AtomicReference<Map<String, Object>> producerConfig = new AtomicReference<>();
    AtomicReference<Map<String, Object>> consumerConfig = new AtomicReference<>();
    TickwatchAgent agent =
        TickwatchAgent.builder("host-1")
            .bootstrapServers("127.0.0.1:1")
            .valueSerializer(new AvroTestSerde())
            .controlDeserializer((topic, data) -> (ControlCommand) null)
            .systemCollectors(false)
            .manualSampling()
            .publishInterval(Duration.ofMillis(10))
            .kafkaClientProperties(
                Map.of(
                    "security.protocol", "SASL_SSL",
                    "sasl.mechanism", "SCRAM-SHA-512",
                    "ssl.truststore.location", "/etc/kafka/truststore.p12"))
            .kafkaClientProperty("linger.ms", 7)
            .producerOverride("linger.ms", 3)
            .producerFactory(
                config -> {
                  producerConfig.set(config);
                  return new MockProducer<>(
                      true, null, new StringSerializer(), new ByteArraySerializer());
                })
            .consumerFactory(
                config -> {
                  consumerConfig.set(config);
                  return new MockConsumer<>("latest");
                })
            .build()
            .start();
    try {
      Await.until(
          "both clients are created",
          () -> producerConfig.get() != null && consumerConfig.get() != null);
    } finally {
      agent.close();
    }

    for (Map<String, Object> config : List.of(producerConfig.get(), consumerConfig.get())) {
      assertThat(config)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
          .containsEntry("bootstrap.servers", "127.0.0.1:1");
    }
    assertThat(producerConfig.get())
        .as("producer overrides win over client properties")
        .containsEntry("linger.ms", 3);
  }
}
