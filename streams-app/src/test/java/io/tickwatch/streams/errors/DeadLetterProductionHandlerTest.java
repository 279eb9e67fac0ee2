package io.tickwatch.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.FailureStage;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  private DeadLetterProductionHandler handler() {
    DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
    handler.configure(
        Map.of(
            DeadLetters.REGISTRY_CLIENT_CONFIG, registry,
            StreamsConfig.APPLICATION_ID_CONFIG, "app",
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "tickwatch.dead-letter"));
    return handler;
  }

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "tickwatch.samples";
      }

      @Override
      public int partition() {
        return 2;
      }

      @Override
      public long offset() {
        return 7;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "stats-host-1s-final-sink";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 2);
      }

      @Override
      public long timestamp() {
        return 10_000;
      }

      @Override
      public byte[] sourceRawKey() {
        return null;
      }

      @Override
      public byte[] sourceRawValue() {
        return null;
      }
    };
  }

  private DeadLetter decode(byte[] value) {
    return Topics.DEAD_LETTER.valueSerde(registry).deserializer().deserialize("x", value);
  }

  @Test
  void shouldDeadLetterAnUnproducibleRecordAndContinue() {
    byte[] value = "big".getBytes(StandardCharsets.UTF_8);
    var response =
        handler()
            .handleError(
                context(),
                new ProducerRecord<>(
                    "tickwatch.stats", "k".getBytes(StandardCharsets.UTF_8), value),
                new RecordTooLargeException("too large"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    DeadLetter letter = decode(response.deadLetterQueueRecords().get(0).value());
    assertThat(letter.getStage()).isEqualTo(FailureStage.PRODUCTION);
    assertThat(letter.getSourceTopic()).isEqualTo("tickwatch.stats");
    assertThat(letter.getProcessorNodeId()).isEqualTo("stats-host-1s-final-sink");
    assertThat(letter.getReason()).isEqualTo("too large");
    assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(value));
  }

  @Test
  void shouldRetryRetriableErrors() {
    var response =
        handler()
            .handleError(
                context(),
                new ProducerRecord<>("tickwatch.stats", new byte[0], new byte[0]),
                new TimeoutException("later"));

    assertThat(response.result()).isEqualTo(Result.RETRY);
  }

  @Test
  void shouldDeadLetterASerializationError() {
    var response =
        handler()
            .handleSerializationError(
                context(),
                new ProducerRecord<>("tickwatch.stats", "k", new Object()),
                new IllegalStateException("registry down"),
                SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(Result.RESUME);
    DeadLetter letter = decode(response.deadLetterQueueRecords().get(0).value());
    assertThat(letter.getReason()).isEqualTo("registry down");
    assertThat(letter.getOriginalValue()).isNull();
  }
}
