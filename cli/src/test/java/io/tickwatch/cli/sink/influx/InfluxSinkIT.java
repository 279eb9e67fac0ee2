package io.tickwatch.cli.sink.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.testkit.RecentTime;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tickwatch.stats} records through a real broker and the sink into a real InfluxDB 1.x
 * ({@code /usr/bin/influxd}); read back with InfluxQL over {@code /query}.
 */
class InfluxSinkIT {

  private static final long T0 = RecentTime.currentHourStartMillis();
  private static final String DB = "tickwatch";
  private static final String GROUP = "influx-sink-it";

  private static InfluxdProcess influx;
  private static KafkaStack stack;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        InfluxdProcess.installed(),
        "/usr/bin/influxd is absent (Debian package influxdb): skipping the InfluxDB export IT");
    influx = InfluxdProcess.start();
    influx.execute("CREATE DATABASE " + DB);
    stack = KafkaStack.start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    if (influx != null) {
      influx.close();
    }
  }

  @Test
  void shouldWriteRollingStatsAsPointsAndCommitAfterTheWrite() throws Exception {
    produce(
        List.of(
            StatsFixtures.stats("host-1", "tick.duration", Map.of("zone", "eu west,1"), T0, 10),
            StatsFixtures.stats(null, "tick.duration", Map.of("zone", "eu west,1"), T0, 30),
            StatsFixtures.stats("host-2", "cpu.process.percent", Map.of(), T0 + 1000, 0)));
    InfluxSinkConfig config =
        new InfluxSinkConfig(
            stack.bootstrapServers(),
            stack.registryUrl(),
            Topics.STATS.name(),
            GROUP,
            Map.of("client.id", "influx-sink-it"),
            InfluxTarget.v1(influx.url(), DB, null, null),
            RollingStatsPoints.DEFAULT_MEASUREMENT,
            2,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            0);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (InfluxSink sink = InfluxSink.create(config)) {
      Thread runner =
          new Thread(
              () -> {
                try {
                  sink.run();
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "influx-sink-it");
      runner.start();
      try {
        await(
            () -> failure.get() != null || committedOffsets() == 4,
            "the sink commits all 4 records");
      } finally {
        sink.stop();
        runner.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(failure.get()).isNull();
      assertThat(sink.pointsWritten()).isEqualTo(3);
      assertThat(sink.recordsSkipped()).isEqualTo(1);
    }

    Map<String, JsonNode> host1 =
        onlyRow("SELECT * FROM tickwatch_stats WHERE \"host\" = 'host-1'");
    assertThat(host1.get("time").asLong()).isEqualTo(T0);
    assertThat(host1.get("metric").asText()).isEqualTo("tick.duration");
    assertThat(host1.get("zone").asText()).isEqualTo("eu west,1");
    assertThat(host1.get("cluster").asText()).isEqualTo("eu-west");
    assertThat(host1.get("window").asText()).isEqualTo("1s");
    assertThat(host1.get("scope").asText()).isEqualTo("host");
    assertThat(host1.get("count").asLong()).isEqualTo(10);
    assertThat(host1.get("mean").asDouble()).isEqualTo(1010.0);
    assertThat(host1.get("max").asDouble()).isEqualTo(4000.5);
    assertThat(host1.get("p99").asDouble()).isEqualTo(3900.0);

    Map<String, JsonNode> fleet =
        onlyRow("SELECT * FROM tickwatch_stats WHERE \"scope\" = 'fleet'");
    assertThat(fleet.get("host").isNull()).isTrue();
    assertThat(fleet.get("host_count").asLong()).isEqualTo(3);
    assertThat(fleet.get("count").asLong()).isEqualTo(30);

    Map<String, JsonNode> empty =
        onlyRow("SELECT * FROM tickwatch_stats WHERE \"host\" = 'host-2'");
    assertThat(empty.get("time").asLong()).isEqualTo(T0 + 1000);
    assertThat(empty.get("count").asLong()).isZero();
    assertThat(empty.get("mean").isNull()).as("NaN mean left out").isTrue();

    Map<String, String> fieldTypes = new HashMap<>();
    for (JsonNode row :
        influx
            .query(DB, "SHOW FIELD KEYS FROM tickwatch_stats")
            .path("series")
            .path(0)
            .path("values")) {
      fieldTypes.put(row.get(0).asText(), row.get(1).asText());
    }
    assertThat(fieldTypes)
        .containsEntry("count", "integer")
        .containsEntry("host_count", "integer")
        .containsEntry("mean", "float")
        .containsEntry("p999", "float");
  }

  private Map<String, JsonNode> onlyRow(String statement) {
    JsonNode series = influx.query(DB, statement).path("series");
    assertThat(series.size()).as(statement).isEqualTo(1);
    JsonNode columns = series.get(0).get("columns");
    JsonNode values = series.get(0).get("values");
    assertThat(values.size()).as(statement).isEqualTo(1);
    Map<String, JsonNode> row = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      row.put(columns.get(i).asText(), values.get(0).get(i));
    }
    return row;
  }

  private static void produce(List<RollingStats> records) throws Exception {
    Map<String, Object> props =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.registryUrl());
        KafkaProducer<String, RollingStats> producer =
            new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(client));
        KafkaProducer<String, byte[]> raw =
            new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (RollingStats stats : records) {
        String key =
            (stats.getHostId() == null ? "*" : stats.getHostId()) + "/" + stats.getMetric();
        producer.send(new ProducerRecord<>(Topics.STATS.name(), key, stats)).get();
      }
      raw.send(new ProducerRecord<>(Topics.STATS.name(), "poison", new byte[] {1, 2, 3})).get();
    }
  }

  private static long committedOffsets() {
    try (Admin admin = stack.kafka.createAdmin()) {
      Map<?, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      return offsets.values().stream()
          .filter(o -> o != null)
          .mapToLong(OffsetAndMetadata::offset)
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }
}
