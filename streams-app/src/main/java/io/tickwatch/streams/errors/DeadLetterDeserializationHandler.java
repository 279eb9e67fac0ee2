package io.tickwatch.streams.errors;

import io.tickwatch.avro.FailureStage;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every record that fails deserialization to the dead-letter topic as a {@code DeadLetter}
 * (stage DESERIALIZATION, the reason and the original bytes) and continues with the next record.
 * When even the dead letter cannot be built (registry unreachable) the record is logged and
 * skipped: the application never stops on bad input.
 *
 * <p>Configure with {@code deserialization.exception.handler} and the keys of {@link DeadLetters}.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfigs(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    try {
      return Response.resume(
          List.of(
              deadLetters.record(
                  FailureStage.DESERIALIZATION,
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  record.timestamp(),
                  context.processorNodeId(),
                  record.key(),
                  record.value(),
                  record.headers(),
                  exception)));
    } catch (RuntimeException e) {
      LOG.error(
          "Skipping undeserializable record {}-{}@{} without a dead letter ({}): {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage(),
          DeadLetters.reason(exception));
      return Response.resume();
    }
  }
}
