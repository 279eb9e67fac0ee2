package io.tickwatch.alerting.service;

import io.tickwatch.alerting.action.ActionSink;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.schemas.topic.Topics;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes commands to {@code tickwatch.control} (synchronously, so a failure is audited as
 * FAILED) and audit entries to {@code tickwatch.actions}, both keyed by the target host.
 */
final class KafkaActionSink implements ActionSink {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaActionSink.class);

  private final Producer<String, Object> producer;
  private final ActionLog log;

  KafkaActionSink(Producer<String, Object> producer, ActionLog log) {
    this.producer = producer;
    this.log = log;
  }

  @Override
  public void publish(ControlCommand command) throws Exception {
    producer
        .send(new ProducerRecord<>(Topics.CONTROL.name(), command.getTargetHostId(), command))
        .get(10, TimeUnit.SECONDS);
  }

  @Override
  public void audit(ActionAudit audit) {
    log.add(audit);
    LOG.info(
        "action {} {} on {}: {} {}",
        audit.getAction(),
        audit.getOutcome(),
        audit.getHostId(),
        audit.getReason(),
        audit.getDetail());
    producer.send(
        new ProducerRecord<>(Topics.ACTIONS.name(), audit.getHostId(), audit),
        (m, e) -> {
          if (e != null) {
            LOG.warn(
                "could not write the audit of action {}: {}", audit.getActionId(), e.toString());
          }
        });
  }
}
