package io.tickwatch.dashboard.control;

import io.tickwatch.avro.ActionAudit;
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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes control commands to {@code tickwatch.control} (acks=all, idempotent) and records each
 * in {@code tickwatch.actions} ({@link ActionAudits}: ISSUED, or FAILED with the error).
 */
public final class KafkaControlPublisher implements ControlPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaControlPublisher.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, SpecificRecord> producer;

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
      send(Topics.CONTROL.name(), command.getTargetHostId(), command);
    } catch (IllegalStateException e) {
      audit(ActionAudits.of(command, false, e.getMessage()));
      throw e;
    }
    audit(ActionAudits.of(command, true, ""));
  }

  private void audit(ActionAudit audit) {
    try {
      send(Topics.ACTIONS.name(), audit.getHostId(), audit);
    } catch (IllegalStateException e) {
      LOG.warn(
          "Could not record action {} in {}: {}",
          audit.getActionId(),
          Topics.ACTIONS.name(),
          e.getMessage());
    }
  }

  private void send(String topic, String key, SpecificRecord value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, value))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing to " + topic, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new IllegalStateException("could not publish to " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
