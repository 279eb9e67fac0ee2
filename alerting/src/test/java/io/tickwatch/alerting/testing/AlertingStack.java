package io.tickwatch.alerting.testing;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.topic.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the alerting ITs run on: an in-JVM KRaft broker with every catalogue topic (ready to be
 * written), the embedded schema registry (schemas in memory), and a producer of anomaly events, the
 * alerting service's input.
 */
public final class AlertingStack implements AutoCloseable {
  private final KafkaStack stack;
  private final KafkaProducer<String, AnomalyEvent> producer;

  private AlertingStack(KafkaStack stack, KafkaProducer<String, AnomalyEvent> producer) {
    this.stack = stack;
    this.producer = producer;
  }

  /** Starts the broker, creates the topics, starts the registry; the caller closes the stack. */
  public static AlertingStack start() {
    KafkaStack stack = KafkaStack.start();
    try {
      KafkaProducer<String, AnomalyEvent> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  stack.bootstrapServers(),
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                  StringSerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                  AvroSerializer.class,
                  AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                  stack.registryUrl()));
      return new AlertingStack(stack, producer);
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  public String registryUrl() {
    return stack.registryUrl();
  }

  /** Writes an anomaly event to the anomalies topic, keyed by its host, and waits for the ack. */
  public void send(AnomalyEvent event) {
    try {
      producer.send(new ProducerRecord<>(Topics.ANOMALIES.name(), event.getHostId(), event)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot send " + event.getFingerprint(), e);
    }
  }

  /** Closes the producer, the registry and the broker. */
  @Override
  public void close() {
    try {
      producer.close();
    } finally {
      stack.close();
    }
  }
}
