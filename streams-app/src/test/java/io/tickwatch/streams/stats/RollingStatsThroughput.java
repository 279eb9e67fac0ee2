package io.tickwatch.streams.stats;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.rolling.AggregateCodec;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.rolling.SeriesId;
import io.tickwatch.stats.rolling.SeriesKind;
import io.tickwatch.stats.sketch.LogBucketMapping;
import io.tickwatch.streams.testing.Batches;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Ad-hoc throughput harness behind the numbers in docs/ROLLING-STATS.md (not a test, never run by
 * the build): {@code core} measures the Kafka-free aggregation path per batch (aggregate 18 series
 * × 100 samples, decode the stored host value, merge, encode); {@code driver N} pipes N batches of
 * 16 hosts through the whole topology in a {@code TopologyTestDriver}, which commits after every
 * record (a pessimistic bound).
 */
public final class RollingStatsThroughput {
  private static final int SERIES = 18;

  private RollingStatsThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("driver")) {
      driver(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
    } else {
      core();
    }
  }

  private static double[] values(Random random, int s) {
    double[] v = new double[100];
    double base = 10 + random.nextInt(1000);
    for (int i = 0; i < 100; i++) {
      v[i] = s % 3 == 0 ? base : base * Math.exp(0.3 * random.nextGaussian());
    }
    return v;
  }

  private static void core() {
    LogBucketMapping mapping = new LogBucketMapping(0.01);
    AggregateCodec codec = new AggregateCodec(mapping);
    Random random = new Random(1);
    List<List<Double>> batches = new ArrayList<>();
    for (int b = 0; b < 100 * SERIES; b++) {
      List<Double> list = new ArrayList<>();
      for (double v : values(random, b % SERIES)) {
        list.add(v);
      }
      batches.add(list);
    }
    SeriesId[] ids = new SeriesId[SERIES];
    for (int s = 0; s < SERIES; s++) {
      ids[s] = SeriesId.of("metric." + s, Map.of());
    }
    for (int round = 0; round < 5; round++) {
      int n = 50_000;
      byte[] stored = null;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        HostAggregate part = new HostAggregate(mapping);
        for (int s = 0; s < SERIES; s++) {
          part.series(ids[s], SeriesKind.SAMPLED)
              .addSamples(batches.get((i % 100) * SERIES + s), 0, 100);
        }
        // ten batches per 1 s window and host, as with 100 ms batches
        HostAggregate aggregate =
            i % 10 == 0 ? new HostAggregate(mapping) : codec.decodeHost(stored);
        stored = codec.encode(aggregate.merge(part));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "core: %.0f batches/s = %.1f M samples/s, host value %d bytes%n",
          n / seconds, n * 100.0 * SERIES / seconds / 1e6, stored.length);
    }
  }

  private static void driver(int batches) throws Exception {
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    Properties props =
        RollingStatsStreamsConfig.properties(
            RollingStatsConfig.defaults(), "throughput", "unused:1", "http://unused.invalid");
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("throughput").toString());
    props.put(io.tickwatch.streams.errors.DeadLetters.REGISTRY_CLIENT_CONFIG, registry);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            RollingStatsTopology.build(RollingStatsConfig.defaults(), registry), props)) {
      var input =
          driver.createInputTopic(
              Topics.SAMPLES.name(), new StringSerializer(), new ByteArraySerializer());
      var serializer = Topics.SAMPLES.valueSerde(registry).serializer();
      Random random = new Random(1);
      int hosts = 16;
      List<byte[]> encoded = new ArrayList<>();
      long t0 = 1_700_000_000_000L;
      for (int i = 0; i < batches; i++) {
        int h = i % hosts;
        Batches b = Batches.batch("host-" + h, t0 + (i / hosts) * 100L);
        for (int s = 0; s < SERIES; s++) {
          b.series("metric." + s, values(random, s));
        }
        b.latency("tick.duration", Map.of(), 4000, 4100, 3900, 5000);
        SampleBatch batch = b.build();
        encoded.add(serializer.serialize(Topics.SAMPLES.name(), batch));
      }
      long start = System.nanoTime();
      for (int i = 0; i < batches; i++) {
        input.pipeInput("host-" + (i % hosts), encoded.get(i), Instant.ofEpochMilli(t0));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "driver: %d batches in %.1f s: %.0f batches/s = %.2f M samples/s%n",
          batches, seconds, batches / seconds, batches * 100.0 * SERIES / seconds / 1e6);
    }
  }
}
