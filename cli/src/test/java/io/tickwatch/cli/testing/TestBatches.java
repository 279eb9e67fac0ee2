package io.tickwatch.cli.testing;

import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.RecentTime;
import io.tickwatch.schemas.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Deterministic sample batches with known values, published as the agent would. */
public final class TestBatches {

  public static final int SLOTS = 100;

  /**
   * The start of the current hour: an hour boundary, so that every window size starts at a batch
   * boundary, and recent, so the broker's retention never deletes the test's input (see {@link
   * RecentTime}).
   */
  public static final long BASE_MILLIS = RecentTime.currentHourStartMillis();

  private TestBatches() {}

  public static SampleBatch batchAt(String host, int hostIndex, long startMillis, long sequence) {
    List<Double> ticks = new ArrayList<>(SLOTS);
    List<Double> actions = new ArrayList<>(SLOTS);
    for (int k = 0; k < SLOTS; k++) {
      long slot = sequence * SLOTS + k;
      ticks.add(
          slot % 37 == 0 ? Double.NaN : (double) ((slot * 7919 + hostIndex * 104_729) % 20_000));
      actions.add((double) ((slot * 31 + hostIndex) % 5));
    }
    return SampleBatch.newBuilder()
        .setHostId(host)
        .setCluster("test")
        .setSequence(sequence)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(1000)
        .setSampleCount(SLOTS)
        .setSeries(
            List.of(
                MetricSeries.newBuilder()
                    .setName("tick.max.micros")
                    .setLabels(Map.of())
                    .setValues(ticks)
                    .build(),
                MetricSeries.newBuilder()
                    .setName("action.count")
                    .setLabels(Map.of("action", "move"))
                    .setValues(actions)
                    .build()))
        .build();
  }

  /**
   * Publishes {@code batchesPerHost} consecutive batches per host from {@link #BASE_MILLIS}, then
   * one batch per host {@code tailMillis} after the last, each stamped with its interval's end.
   *
   * @return the number of records published
   */
  public static long publish(
      String bootstrapServers,
      SchemaRegistryClient registry,
      List<String> hosts,
      int batchesPerHost,
      long tailMillis) {
    long records = 0;
    try (KafkaProducer<String, SampleBatch> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new AvroSerializer<>(registry))) {
      for (int i = 0; i <= batchesPerHost; i++) {
        for (int h = 0; h < hosts.size(); h++) {
          long start =
              i < batchesPerHost
                  ? BASE_MILLIS + (long) i * SLOTS
                  : BASE_MILLIS + (long) batchesPerHost * SLOTS + tailMillis;
          SampleBatch batch = batchAt(hosts.get(h), h, start, i);
          producer.send(
              new ProducerRecord<>(
                  Topics.SAMPLES.name(), null, start + SLOTS, hosts.get(h), batch));
          records++;
        }
      }
      producer.flush();
    }
    return records;
  }
}
