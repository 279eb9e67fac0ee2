package io.tickwatch.alerting.service;

import io.tickwatch.alerting.lifecycle.AlertChangeListener;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.schemas.topic.Topics;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes engine changes to Kafka: alert states to the compacted {@code tickwatch.alerts} (key
 * fingerprint, tombstone on removal) and transitions to {@code tickwatch.alert-history}; also feeds
 * the in-memory history. Sends are asynchronous; the service loop flushes before committing anomaly
 * offsets. Used on the loop thread only.
 */
final class KafkaAlertPublisher implements AlertChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertPublisher.class);

  private final Producer<String, Object> producer;
  private final AlertHistory history;
  private final AtomicInteger failures = new AtomicInteger();
  private int unflushed;

  KafkaAlertPublisher(Producer<String, Object> producer, AlertHistory history) {
    this.producer = producer;
    this.history = history;
  }

  @Override
  public void onAlert(Alert alert) {
    send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getFingerprint(), alert));
  }

  @Override
  public void onRemoved(String fingerprint) {
    send(new ProducerRecord<>(Topics.ALERTS.name(), fingerprint, null));
  }

  @Override
  public void onTransition(AlertTransition transition) {
    history.add(transition);
    send(
        new ProducerRecord<>(Topics.ALERT_HISTORY.name(), transition.getFingerprint(), transition));
  }

  private void send(ProducerRecord<String, Object> record) {
    unflushed++;
    producer.send(
        record,
        (metadata, error) -> {
          if (error != null) {
            failures.incrementAndGet();
            LOG.warn("could not write to {}: {}", record.topic(), error.toString());
          }
        });
  }

  /** Flushes pending sends; true when there were any. */
  boolean flush() {
    if (unflushed == 0) {
      return false;
    }
    producer.flush();
    unflushed = 0;
    return true;
  }

  int failures() {
    return failures.get();
  }
}
