package io.tickwatch.streams.errors;

import io.tickwatch.avro.FailureStage;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the source record of every processing failure to the dead-letter topic as a {@code
 * DeadLetter} (stage PROCESSING, the failing processor, the reason and the source record's raw
 * bytes) and continues. When the dead letter cannot be built the failure is logged and the record
 * skipped.
 *
 * <p>Configure with {@code processing.exception.handler} and the keys of {@link DeadLetters}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfigs(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    try {
      return Response.resume(
          List.of(
              deadLetters.record(
                  FailureStage.PROCESSING,
                  context.topic(),
                  context.partition(),
                  context.offset(),
                  context.timestamp(),
                  context.processorNodeId(),
                  context.sourceRawKey(),
                  context.sourceRawValue(),
                  context.headers(),
                  exception)));
    } catch (RuntimeException e) {
      LOG.error(
          "Skipping record {}-{}@{} that failed in {} without a dead letter ({}): {}",
          context.topic(),
          context.partition(),
          context.offset(),
          context.processorNodeId(),
          e.getMessage(),
          DeadLetters.reason(exception));
      return Response.resume();
    }
  }
}
