package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.DeadLetterHeader;
import io.tickwatch.avro.FailureStage;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import io.tickwatch.streams.anomaly.rules.RuleParser;
import io.tickwatch.streams.anomaly.rules.RuleValidationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates every record of the rules topic: a valid rule (or a tombstone) is forwarded as a rule
 * update; an invalid one is rejected as a whole, logged with every error, and forwarded as a {@link
 * DeadLetter} (stage PROCESSING, reason = every error, original key and value) for the dead-letter
 * topic. {@code failedAtMillis} is the rule record's timestamp (no wall-clock reads in processing).
 */
final class RuleValidator implements Processor<String, String, String, RuleValidator.Checked> {
  private static final Logger LOG = LoggerFactory.getLogger(RuleValidator.class);

  /** A rule update, or a rejection. */
  record Checked(AnomalyInput update, DeadLetter rejection) {
    boolean accepted() {
      return update != null;
    }
  }

  private final String processorName;
  private ProcessorContext<String, Checked> context;

  RuleValidator(String processorName) {
    this.processorName = processorName;
  }

  @Override
  public void init(ProcessorContext<String, Checked> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, String> record) {
    String id = record.key();
    if (id == null || id.isBlank()) {
      reject(record, List.of("the record key must be the rule id"));
      return;
    }
    if (record.value() == null) {
      LOG.info("Anomaly rule '{}' removed (tombstone): the base rule of that id applies again", id);
      context.forward(record.withValue(new Checked(AnomalyInput.rule(id, null), null)));
      return;
    }
    try {
      DetectorRule rule = RuleParser.parseRule(record.value(), id);
      LOG.info("Anomaly rule '{}' accepted: {}", id, rule.json());
      context.forward(record.withValue(new Checked(AnomalyInput.rule(id, rule.json()), null)));
    } catch (RuleValidationException e) {
      reject(record, e.errors());
    }
  }

  private void reject(Record<String, String> record, List<String> errors) {
    LOG.error(
        "Anomaly rule '{}' rejected as a whole ({} error(s)): {}",
        record.key(),
        errors.size(),
        String.join("; ", errors));
    RecordMetadata meta = context.recordMetadata().orElse(null);
    List<DeadLetterHeader> headers = new ArrayList<>();
    for (Header h : record.headers()) {
      headers.add(
          new DeadLetterHeader(h.key(), h.value() == null ? null : ByteBuffer.wrap(h.value())));
    }
    DeadLetter letter =
        DeadLetter.newBuilder()
            .setSourceTopic(meta == null ? "" : meta.topic())
            .setSourcePartition(meta == null ? -1 : meta.partition())
            .setSourceOffset(meta == null ? -1 : meta.offset())
            .setSourceTimestampMillis(Instant.ofEpochMilli(Math.max(0, record.timestamp())))
            .setStage(FailureStage.PROCESSING)
            .setApplicationId(context.applicationId())
            .setProcessorNodeId(processorName)
            .setReason("invalid anomaly rule: " + String.join("; ", errors))
            .setExceptionClass(RuleValidationException.class.getName())
            .setOriginalKey(
                record.key() == null
                    ? null
                    : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
            .setOriginalValue(
                record.value() == null
                    ? null
                    : ByteBuffer.wrap(record.value().getBytes(StandardCharsets.UTF_8)))
            .setOriginalHeaders(headers)
            .setFailedAtMillis(Instant.ofEpochMilli(Math.max(0, record.timestamp())))
            .build();
    context.forward(
        record.withKey(meta == null ? "" : meta.topic()).withValue(new Checked(null, letter)));
  }
}
