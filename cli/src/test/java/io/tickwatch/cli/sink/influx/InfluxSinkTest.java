package io.tickwatch.cli.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.RollingStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class InfluxSinkTest {

  private static final TopicPartition TP = new TopicPartition("tickwatch.stats", 0);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final List<String> bodies = new ArrayList<>();
  private final Deque<Integer> failures = new ArrayDeque<>();

  /** "h<N>" decodes to stats of host hN with N observations; anything else is undecodable. */
  private final Deserializer<RollingStats> values =
      (topic, data) -> {
        String text = new String(data, StandardCharsets.UTF_8);
        if (!text.startsWith("h")) {
          throw new SerializationException("not Avro: " + text);
        }
        return StatsFixtures.stats(text, "tick.duration", Map.of(), 1000, text.length());
      };

  private final LineWriter writer =
      lines -> {
        Integer status = failures.poll();
        if (status != null) {
          throw new InfluxWriteException("status " + status, status, "answer " + status, null);
        }
        bodies.add(lines);
      };

  private InfluxSink sink(int batchPoints) {
    InfluxSinkConfig config =
        new InfluxSinkConfig(
            "127.0.0.1:1",
            "http://127.0.0.1:1",
            "tickwatch.stats",
            "g",
            Map.of(),
            InfluxTarget.v1("http://127.0.0.1:1", "db", null, null),
            "m",
            batchPoints,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            0);
    return new InfluxSink(config, consumer, values, writer, () -> {});
  }

  private void feed(InfluxSink sink, String... values) {
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(TP));
          consumer.updateBeginningOffsets(Map.of(TP, 0L));
          long offset = 0;
          for (String v : values) {
            consumer.addRecord(
                new ConsumerRecord<>(
                    TP.topic(), 0, offset++, null, v.getBytes(StandardCharsets.UTF_8)));
          }
        });
    consumer.schedulePollTask(sink::stop);
  }

  private Long committed() {
    OffsetAndMetadata offset = consumer.committed(Set.of(TP)).get(TP);
    return offset == null ? null : offset.offset();
  }

  @Test
  void shouldWriteInBatchesThenCommitAndSkipUndecodableRecords() throws Exception {
    InfluxSink sink = sink(2);
    feed(sink, "h1", "garbage", "h22", "h333");

    sink.run();

    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0).lines()).hasSize(2);
    assertThat(bodies.get(0)).contains("host=h1,").contains("host=h22,");
    assertThat(bodies.get(1)).contains("host=h333,");
    assertThat(sink.pointsWritten()).isEqualTo(3);
    assertThat(sink.recordsSkipped()).isEqualTo(1);
    assertThat(committed()).isEqualTo(4L);
  }

  @Test
  void shouldRetryServerErrorsBeforeCommitting() throws Exception {
    failures.addAll(List.of(500, 503));
    InfluxSink sink = sink(100);
    feed(sink, "h1", "h2");

    sink.run();

    assertThat(bodies).hasSize(1);
    assertThat(committed()).isEqualTo(2L);
  }

  @Test
  void shouldSkipPointsRejectedWith400AndCommit() throws Exception {
    failures.add(400);
    InfluxSink sink = sink(100);
    feed(sink, "h1", "h2");

    sink.run();

    assertThat(bodies).isEmpty();
    assertThat(sink.pointsRejected()).isEqualTo(2);
    assertThat(committed()).isEqualTo(2L);
  }

  @Test
  void shouldStopWithoutCommittingOnOtherClientErrors() {
    failures.add(404);
    InfluxSink sink = sink(100);
    feed(sink, "h1", "h2");

    assertThatThrownBy(sink::run)
        .isInstanceOfSatisfying(
            InfluxWriteException.class, e -> assertThat(e.body()).isEqualTo("answer 404"));
    assertThat(committed()).isNull();
  }

  @Test
  void shouldRefuseKafkaPropertiesTheSinkOwns() {
    assertThatThrownBy(
            () ->
                new InfluxSinkConfig(
                    "b:1",
                    "http://r",
                    "tickwatch.stats",
                    "g",
                    Map.of("enable.auto.commit", "true"),
                    InfluxTarget.v1("http://i", "db", null, null),
                    "m",
                    10,
                    Duration.ofMillis(1),
                    Duration.ofMillis(1),
                    0))
        .hasMessageContaining("enable.auto.commit");
  }

  @Test
  void shouldPassSecurityPropertiesToTheConsumer() {
    InfluxSinkConfig config =
        new InfluxSinkConfig(
            "b:1",
            "http://r",
            "tickwatch.stats",
            "g",
            Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
            InfluxTarget.v1("http://i", "db", null, null),
            "m",
            10,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            0);

    assertThat(InfluxSink.consumerProperties(config))
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("group.id", "g");
  }
}
