package io.tickwatch.streams.reliability;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded stream of {@code tickwatch.samples} records: valid batches of a few hosts in event-time
 * order, with malformed records of every {@link Category} mixed in at random positions. The same
 * seed gives the same records, byte for byte.
 *
 * <p>Every record carries its category in the header {@value #CATEGORY_HEADER}, so a test can match
 * each dead letter (which keeps the original headers) to what was sent. Record timestamps are what
 * a producer with a correct clock stamps: the host's current event time plus one batch.
 */
public final class PoisonPillGenerator {

  /** Header naming a record's {@link Category}. */
  public static final String CATEGORY_HEADER = "tickwatch-test-category";

  /** Slots per batch, one per millisecond as the agent publishes. */
  public static final int SLOTS = 100;

  /**
   * How far before the test's start its event time begins: recent, as a live agent's data, and well
   * inside the shortest retention of the topics the tests write (tickwatch.stats-live: 1 h).
   */
  public static final Duration RECENT_BASE_AGE = Duration.ofMinutes(10);

  /**
   * A base event time for broker-backed tests: {@link #RECENT_BASE_AGE} before {@code now}, floored
   * to the minute (window aligned for windows up to a minute). Never use a fixed epoch: a topic's
   * time retention ({@code retention.ms}, 7 days for tickwatch.samples) deletes whole segments
   * whose newest record timestamp is older than it, from the broker's first retention check (30 s
   * after it starts) on, so a fixed date loses the test's input mid-run once it has aged past the
   * retention: the consumer's next fetch is out of range and resets to the log end, silently.
   */
  public static long recentBaseMillis(Instant now) {
    long millis = now.minus(RECENT_BASE_AGE).toEpochMilli();
    return millis - Math.floorMod(millis, Duration.ofMinutes(1).toMillis());
  }

  /** Series of every valid batch. */
  public static final List<String> SERIES = List.of("tick.max.micros", "players.active");

  /** What a record is, and whether the pipeline must count it or dead-letter it. */
  public enum Category {
    /** A valid batch. */
    VALID(false),
    /** A valid batch whose slots are partly or wholly NaN: "no reading" by contract, counted. */
    VALID_WITH_NAN(false),
    /** First byte not the wire format's 0x00 (JSON, random bytes). */
    BAD_MAGIC_BYTE(true),
    /** Wire-format header naming a schema id the registry does not have. */
    UNKNOWN_SCHEMA_ID(true),
    /** A valid record cut short anywhere after its 5-byte header or inside it. */
    TRUNCATED_AVRO(true),
    /** A series with +∞ or -∞ values, or a digest with a non-finite sum. */
    INFINITY(true),
    /** A latency digest with negative durations, or a negative sample interval. */
    NEGATIVE_DURATION(true),
    /** Start time years (or decades) before the partition's event time. */
    FAR_PAST(true),
    /** Start time years after the partition's event time. */
    FAR_FUTURE(true),
    /** A series name of about a megabyte (the record still fits Kafka's 1 MiB default). */
    MEGABYTE_NAME(true),
    /** One metric with hundreds of label sets in one batch (a per-request id as a label). */
    LABEL_EXPLOSION(true);

    private final boolean poison;

    Category(boolean poison) {
      this.poison = poison;
    }

    /** Whether the pipeline must send records of this category to the dead-letter topic. */
    public boolean poison() {
      return poison;
    }
  }

  /** One record to produce. */
  public record Pill(Category category, String key, byte[] value, long timestampMillis) {
    /** The category header's value. */
    public byte[] categoryHeader() {
      return category.name().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Characters of a {@link Category#MEGABYTE_NAME} series name. */
  static final int MEGABYTE_NAME_CHARS = 1_000_000;

  private final Random random;
  private final long baseMillis;
  private final List<String> hosts;
  private final Function<SampleBatch, byte[]> serializer;

  /**
   * @param seed seed of every random choice
   * @param baseMillis event time of every host's first batch
   * @param hosts host ids (record keys)
   * @param serializer writes a batch in the wire format with a registered schema id
   */
  public PoisonPillGenerator(
      long seed, long baseMillis, List<String> hosts, Function<SampleBatch, byte[]> serializer) {
    this.random = new Random(seed);
    this.baseMillis = baseMillis;
    this.hosts = List.copyOf(hosts);
    this.serializer = serializer;
  }

  /**
   * {@code validPerHost} valid batches per host (round robin, in event-time order) with the poison
   * of {@code poisonCounts} mixed in at random positions after every host's first batch.
   */
  public List<Pill> generate(int validPerHost, Map<Category, Integer> poisonCounts) {
    List<Pill> valid = new ArrayList<>();
    for (int i = 0; i < validPerHost; i++) {
      for (int h = 0; h < hosts.size(); h++) {
        boolean withNan = random.nextInt(4) == 0;
        SampleBatch batch = validBatch(hosts.get(h), h, i, withNan);
        valid.add(
            pill(
                withNan ? Category.VALID_WITH_NAN : Category.VALID,
                batch,
                serializer.apply(batch)));
      }
    }
    List<Category> poison = new ArrayList<>();
    poisonCounts.forEach(
        (category, count) -> {
          if (!category.poison()) {
            throw new IllegalArgumentException(category + " is not poison");
          }
          for (int i = 0; i < count; i++) {
            poison.add(category);
          }
        });
    // random positions after the first round, so that every partition starts with a valid batch
    int[] positions = new int[poison.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = hosts.size() + random.nextInt(valid.size() - hosts.size() + 1);
    }
    Arrays.sort(positions);
    java.util.Collections.shuffle(poison, random);
    List<Pill> all = new ArrayList<>(valid.size() + poison.size());
    int next = 0;
    for (int v = 0; v <= valid.size(); v++) {
      while (next < positions.length && positions[next] == v) {
        // a pill keyed like, and stamped at the time of, the valid batch it precedes
        Pill neighbour = valid.get(Math.min(v, valid.size() - 1));
        all.add(poison(poison.get(next), neighbour));
        next++;
      }
      if (v < valid.size()) {
        all.add(valid.get(v));
      }
    }
    return all;
  }

  /** Valid batch {@code index} of a host: small integers (exact sums), NaN slots if asked. */
  SampleBatch validBatch(String host, int hostIndex, long index, boolean withNan) {
    long start = baseMillis + index * SLOTS;
    List<MetricSeries> series = new ArrayList<>();
    boolean allNan = withNan && index % 5 == 0;
    for (int s = 0; s < SERIES.size(); s++) {
      List<Double> values = new ArrayList<>(SLOTS);
      for (int k = 0; k < SLOTS; k++) {
        boolean nan = withNan && (allNan || random.nextInt(7) == 0);
        values.add(nan ? Double.NaN : (double) ((index * SLOTS + k + 31L * hostIndex + s) % 997));
      }
      series.add(new MetricSeries(SERIES.get(s), new LinkedHashMap<>(), values));
    }
    return batch(host, start, index, SLOTS, series, List.of());
  }

  private Pill poison(Category category, Pill neighbour) {
    String host = neighbour.key();
    long now = neighbour.timestampMillis() - SLOTS;
    SampleBatch good =
        validBatch(host, hosts.indexOf(host), (now - baseMillis) / SLOTS, random.nextBoolean());
    return switch (category) {
      case BAD_MAGIC_BYTE -> new Pill(category, host, badMagic(good), neighbour.timestampMillis());
      case UNKNOWN_SCHEMA_ID -> {
        byte[] bytes = serializer.apply(good);
        ByteBuffer.wrap(bytes, 1, 4).putInt(1_000_000 + random.nextInt(1_000));
        yield new Pill(category, host, bytes, neighbour.timestampMillis());
      }
      case TRUNCATED_AVRO -> {
        byte[] bytes = serializer.apply(good);
        int length =
            random.nextInt(10) == 0 ? random.nextInt(5) : 5 + random.nextInt(bytes.length - 5);
        yield new Pill(category, host, Arrays.copyOf(bytes, length), neighbour.timestampMillis());
      }
      case INFINITY -> {
        SampleBatch bad = copy(good);
        if (random.nextInt(4) == 0) {
          bad.setLatencies(
              List.of(digest(random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NaN, 10)));
        } else {
          List<Double> values = new ArrayList<>(bad.getSeries().get(0).getValues());
          int n = 1 + random.nextInt(3);
          for (int i = 0; i < n; i++) {
            values.set(
                random.nextInt(SLOTS),
                random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
          }
          bad.getSeries().get(0).setValues(values);
        }
        yield pill(category, bad, serializer.apply(bad), neighbour.timestampMillis());
      }
      case NEGATIVE_DURATION -> {
        SampleBatch bad = copy(good);
        if (random.nextInt(4) == 0) {
          bad.setSampleIntervalMicros(-1 - random.nextInt(1000));
        } else {
          bad.setLatencies(List.of(digest(-1 - random.nextInt(10_000), 1)));
        }
        yield pill(category, bad, serializer.apply(bad), neighbour.timestampMillis());
      }
      case FAR_PAST -> {
        SampleBatch bad = copy(good);
        long back =
            random.nextInt(3) == 0 ? now : Duration.ofDays(30 + random.nextInt(3650)).toMillis();
        bad.setStartTimeMillis(Instant.ofEpochMilli(now - back));
        yield pill(category, bad, serializer.apply(bad), neighbour.timestampMillis());
      }
      case FAR_FUTURE -> {
        SampleBatch bad = copy(good);
        long ahead =
            random.nextInt(5) == 0
                ? Long.MAX_VALUE / 4
                : Duration.ofDays(2 + random.nextInt(36_500)).toMillis();
        bad.setStartTimeMillis(Instant.ofEpochMilli(now + ahead));
        yield pill(category, bad, serializer.apply(bad), neighbour.timestampMillis());
      }
      case MEGABYTE_NAME -> {
        SampleBatch bad = copy(good);
        char[] name = new char[MEGABYTE_NAME_CHARS];
        Arrays.fill(name, (char) ('a' + random.nextInt(26)));
        bad.getSeries().get(0).setName(new String(name));
        yield pill(category, bad, serializer.apply(bad), neighbour.timestampMillis());
      }
      case LABEL_EXPLOSION -> {
        int sets = 257 + random.nextInt(300);
        List<MetricSeries> series = new ArrayList<>(sets);
        for (int i = 0; i < sets; i++) {
          Map<String, String> labels = new LinkedHashMap<>();
          labels.put("request", Long.toHexString(random.nextLong()));
          series.add(new MetricSeries("request.latency.micros", labels, List.of(1.0 * i)));
        }
        SampleBatch bad =
            batch(
                host,
                good.getStartTimeMillis().toEpochMilli(),
                good.getSequence(),
                1,
                series,
                List.of());
        yield pill(category, bad, serializer.apply(bad), neighbour.timestampMillis());
      }
      case VALID, VALID_WITH_NAN -> throw new IllegalArgumentException(category + " is not poison");
    };
  }

  private byte[] badMagic(SampleBatch good) {
    if (random.nextBoolean()) {
      return ("{\"hostId\":\"" + good.getHostId() + "\",\"sampleCount\":100}")
          .getBytes(StandardCharsets.UTF_8);
    }
    byte[] bytes = serializer.apply(good);
    bytes[0] = (byte) (1 + random.nextInt(255));
    return bytes;
  }

  private static LatencyDigest digest(double durationMicros, long count) {
    return new LatencyDigest(
        "tick.duration",
        new LinkedHashMap<>(),
        count,
        durationMicros * count,
        durationMicros,
        durationMicros,
        new QuantileSketch(0.01, count, 0, new ArrayList<>()));
  }

  private static SampleBatch copy(SampleBatch batch) {
    return SampleBatch.newBuilder(batch).build();
  }

  private static SampleBatch batch(
      String host,
      long startMillis,
      long sequence,
      int slots,
      List<MetricSeries> series,
      List<LatencyDigest> latencies) {
    return SampleBatch.newBuilder()
        .setHostId(host)
        .setCluster("poison-test")
        .setAgentRunId("run-" + host)
        .setSequence(sequence)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(1000)
        .setSampleCount(slots)
        .setSeries(series)
        .setLatencies(latencies)
        .build();
  }

  private static Pill pill(Category category, SampleBatch batch, byte[] value) {
    return new Pill(
        category, batch.getHostId(), value, batch.getStartTimeMillis().toEpochMilli() + SLOTS);
  }

  private static Pill pill(
      Category category, SampleBatch batch, byte[] value, long timestampMillis) {
    return new Pill(category, batch.getHostId(), value, timestampMillis);
  }

  /** The number of records of each category in {@code pills}. */
  public static Map<Category, Integer> counts(List<Pill> pills) {
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    for (Pill pill : pills) {
      counts.merge(pill.category(), 1, Integer::sum);
    }
    return counts;
  }
}
