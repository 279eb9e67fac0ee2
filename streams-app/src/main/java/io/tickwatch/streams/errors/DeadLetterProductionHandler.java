package io.tickwatch.streams.errors;

import io.tickwatch.avro.FailureStage;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends output records that cannot be serialized or produced (for example a record too large for
 * the topic) to the dead-letter topic as a {@code DeadLetter} (stage PRODUCTION, source topic = the
 * topic being written) and continues; retriable errors are retried.
 *
 * <p>Registering it also keeps Kafka's default production handler from writing its own raw
 * dead-letter records into the Avro dead-letter topic once {@code
 * errors.dead.letter.queue.topic.name} is set.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.fromConfigs(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    return deadLetter(context, record.topic(), record.key(), record.value(), exception);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    return deadLetter(context, record.topic(), null, null, exception);
  }

  private Response deadLetter(
      ErrorHandlerContext context, String topic, byte[] key, byte[] value, Exception exception) {
    try {
      return Response.resume(
          List.of(
              deadLetters.record(
                  FailureStage.PRODUCTION,
                  topic,
                  -1,
                  -1,
                  context.timestamp(),
                  context.processorNodeId(),
                  key,
                  value,
                  context.headers(),
                  exception)));
    } catch (RuntimeException e) {
      LOG.error(
          "Skipping an output record for {} that failed in {} without a dead letter ({}): {}",
          topic,
          context.processorNodeId(),
          e.getMessage(),
          DeadLetters.reason(exception));
      return Response.resume();
    }
  }
}
