package io.tickwatch.dashboard.control;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes control commands to {@code tickwatch.control} (acks=all, idempotent). */
public final class KafkaControlPublisher implements ControlPublisher {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, ControlCommand> producer;

  public KafkaControlPublisher(String bootstrapServers, SchemaRegistryClient registry) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "tickwatch-dashboard-control");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
    this.producer =
        new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry));
  }

  @Override
  public void publish(ControlCommand command) {
    try {
      producer
          .send(new ProducerRecord<>(Topics.CONTROL.name(), command.getTargetHostId(), command))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing the command", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new IllegalStateException("could not publish the command: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
