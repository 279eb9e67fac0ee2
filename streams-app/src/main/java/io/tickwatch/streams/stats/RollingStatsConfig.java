package io.tickwatch.streams.stats;

import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.sketch.LogBucketMapping;
import io.tickwatch.streams.common.ConfigValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configuration of the rolling-statistics topology. Build it with {@link #defaults()}, {@link
 * #from(Function)} (a key lookup: environment, properties, CLI options) or the record constructor;
 * every variant validates all fields at once and reports every error in one exception.
 *
 * @param inputTopic topic of {@code SampleBatch} records keyed by host id
 * @param outputTopic topic of final results ({@code finalResult = true})
 * @param liveTopic topic of early updates ({@code finalResult = false})
 * @param windowSizes tumbling window sizes, ascending, each a multiple of the smallest (so every
 *     boundary of a larger window is a boundary of the smallest); default 1 s, 10 s, 1 min, 1 h
 * @param grace how long after a window's end (in event time) late batches are still added; later
 *     batches are dropped and counted in Kafka Streams' {@code dropped-records} metric
 * @param fleetHostTimeout wall-clock time a silent host may hold fleet-wide windows open (and the
 *     settling time after a start before fleet windows close); fleet windows otherwise close as
 *     soon as every host has reported past their end, whatever the event-time skew between hosts
 *     (see {@code FleetWatermark})
 * @param liveUpdateInterval event-time interval between two early updates of one window and host
 *     (or fleet series); {@link Duration#ZERO} emits at every cache flush (commit interval)
 * @param replayFromMillis replay filter: only windows starting at or after this are emitted ({@link
 *     Long#MIN_VALUE} for none); see {@link #emits(long, long)}
 * @param replayToMillis replay filter: only windows ending at or before this are emitted ({@link
 *     Long#MAX_VALUE} for none)
 * @param outputNamespace empty for live processing, else the prefix of the output topics of a
 *     replay run, for example {@code tickwatch.replay.<runId>.}
 * @param relativeAccuracy relative accuracy alpha of every percentile, in {@code [1e-6, 0.5]}
 * @param deadLetterTopic topic of records that fail deserialization or processing
 */
public record RollingStatsConfig(
    String inputTopic,
    String outputTopic,
    String liveTopic,
    List<Duration> windowSizes,
    Duration grace,
    Duration fleetHostTimeout,
    Duration liveUpdateInterval,
    long replayFromMillis,
    long replayToMillis,
    String outputNamespace,
    double relativeAccuracy,
    String deadLetterTopic) {

  /** Prefix of every lookup key. */
  public static final String PREFIX = "tickwatch.stats.";

  public static final String INPUT_TOPIC = PREFIX + "input-topic";
  public static final String OUTPUT_TOPIC = PREFIX + "output-topic";
  public static final String LIVE_TOPIC = PREFIX + "live-topic";
  public static final String WINDOW_SIZES = PREFIX + "window-sizes";
  public static final String GRACE = PREFIX + "grace";
  public static final String FLEET_HOST_TIMEOUT = PREFIX + "fleet-host-timeout";
  public static final String LIVE_UPDATE_INTERVAL = PREFIX + "live-update-interval";
  public static final String REPLAY_FROM = PREFIX + "replay.from";
  public static final String REPLAY_TO = PREFIX + "replay.to";
  public static final String OUTPUT_NAMESPACE = PREFIX + "output-namespace";
  public static final String RELATIVE_ACCURACY = PREFIX + "relative-accuracy";
  public static final String DEAD_LETTER_TOPIC = PREFIX + "dead-letter-topic";

  /** The configuration's name in error messages. */
  private static final String WHAT = "rolling-stats";

  public static final List<Duration> DEFAULT_WINDOW_SIZES =
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofMinutes(1),
          Duration.ofHours(1));
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
  public static final Duration DEFAULT_FLEET_HOST_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_LIVE_UPDATE_INTERVAL = Duration.ofMillis(500);

  /** Validates every field and reports all errors at once. */
  public RollingStatsConfig {
    windowSizes = windowSizes == null ? null : List.copyOf(windowSizes);
    ConfigValues.requireNone(
        WHAT,
        validate(
            inputTopic,
            outputTopic,
            liveTopic,
            windowSizes,
            grace,
            fleetHostTimeout,
            liveUpdateInterval,
            replayFromMillis,
            replayToMillis,
            outputNamespace,
            relativeAccuracy,
            deadLetterTopic));
  }

  /** The defaults: live processing of {@code tickwatch.samples} into the catalogue topics. */
  public static RollingStatsConfig defaults() {
    return from(key -> null);
  }

  /**
   * Reads the configuration from a key lookup ({@link #PREFIX}{@code ...} keys; a missing key or
   * null takes the default). Durations are {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h} or
   * ISO-8601 ({@code PT2S}); instants are epoch milliseconds or ISO-8601.
   *
   * @throws IllegalArgumentException listing every invalid or unparsable value
   */
  public static RollingStatsConfig from(Function<String, String> lookup) {
    ConfigValues values = new ConfigValues(lookup);
    String namespace = values.text(OUTPUT_NAMESPACE, "");
    String input = values.text(INPUT_TOPIC, Topics.SAMPLES.name());
    String output =
        values.text(OUTPUT_TOPIC, namespace.isEmpty() ? Topics.STATS.name() : namespace + "stats");
    String live =
        values.text(
            LIVE_TOPIC, namespace.isEmpty() ? Topics.STATS_LIVE.name() : namespace + "stats-live");
    List<Duration> sizes = DEFAULT_WINDOW_SIZES;
    String sizesText = values.raw(WINDOW_SIZES);
    if (sizesText != null) {
      sizes = new ArrayList<>();
      for (String part : sizesText.split(",")) {
        Duration d = values.toDuration(WINDOW_SIZES, part);
        if (d != null) {
          sizes.add(d);
        }
      }
    }
    Duration grace = values.duration(GRACE, DEFAULT_GRACE);
    Duration fleetHostTimeout = values.duration(FLEET_HOST_TIMEOUT, DEFAULT_FLEET_HOST_TIMEOUT);
    Duration liveInterval = values.duration(LIVE_UPDATE_INTERVAL, DEFAULT_LIVE_UPDATE_INTERVAL);
    long from = values.epochMillis(REPLAY_FROM, Long.MIN_VALUE);
    long to = values.epochMillis(REPLAY_TO, Long.MAX_VALUE);
    double accuracy = values.decimal(RELATIVE_ACCURACY, LogBucketMapping.DEFAULT_RELATIVE_ACCURACY);
    String deadLetter = values.text(DEAD_LETTER_TOPIC, Topics.DEAD_LETTER.name());
    List<String> errors = values.problems();
    errors.addAll(
        validate(
            input,
            output,
            live,
            sizes,
            grace,
            fleetHostTimeout,
            liveInterval,
            from,
            to,
            namespace,
            accuracy,
            deadLetter));
    ConfigValues.requireNone(WHAT, errors);
    return new RollingStatsConfig(
        input,
        output,
        live,
        sizes,
        grace,
        fleetHostTimeout,
        liveInterval,
        from,
        to,
        namespace,
        accuracy,
        deadLetter);
  }

  /**
   * This configuration as a replay run: outputs go to {@code tickwatch.replay.<runId>.stats} and
   * {@code tickwatch.replay.<runId>.stats-live}, and only windows lying entirely in {@code [from,
   * to)} are emitted (see {@link #emits(long, long)}).
   */
  public RollingStatsConfig withReplay(String runId, Instant from, Instant to) {
    Objects.requireNonNull(runId, "runId");
    String namespace = "tickwatch.replay." + runId + ".";
    return new RollingStatsConfig(
        inputTopic,
        namespace + "stats",
        namespace + "stats-live",
        windowSizes,
        grace,
        fleetHostTimeout,
        liveUpdateInterval,
        from.toEpochMilli(),
        to.toEpochMilli(),
        namespace,
        relativeAccuracy,
        deadLetterTopic);
  }

  /**
   * Whether the window {@code [startMillis, endMillis)} is emitted: it lies entirely inside {@code
   * [replayFromMillis, replayToMillis)}. Filtering whole windows at the output, rather than samples
   * at the input, makes every emitted window of a replay equal to the live window (a window cut by
   * the range would be partial), and lets records outside the range still advance event time so
   * that the last windows of the range close. Always true without a replay range.
   */
  public boolean emits(long startMillis, long endMillis) {
    return startMillis >= replayFromMillis && endMillis <= replayToMillis;
  }

  /** Whether a replay time-range filter is set. */
  public boolean hasReplayRange() {
    return replayFromMillis != Long.MIN_VALUE || replayToMillis != Long.MAX_VALUE;
  }

  /** The smallest window size: batches are split at its boundaries, fleet windows build on it. */
  public Duration smallestWindow() {
    return windowSizes.get(0);
  }

  /** The sketch mapping of this configuration's relative accuracy. */
  public LogBucketMapping mapping() {
    return new LogBucketMapping(relativeAccuracy);
  }

  private static List<String> validate(
      String input,
      String output,
      String live,
      List<Duration> sizes,
      Duration grace,
      Duration fleetHostTimeout,
      Duration liveInterval,
      long from,
      long to,
      String namespace,
      double accuracy,
      String deadLetter) {
    List<String> errors = new ArrayList<>();
    topic(INPUT_TOPIC, input, errors);
    topic(OUTPUT_TOPIC, output, errors);
    topic(LIVE_TOPIC, live, errors);
    topic(DEAD_LETTER_TOPIC, deadLetter, errors);
    if (output != null && output.equals(live)) {
      errors.add(LIVE_TOPIC + ": must differ from " + OUTPUT_TOPIC + " (" + output + ")");
    }
    if (sizes == null || sizes.isEmpty()) {
      errors.add(WINDOW_SIZES + ": at least one window size is required");
    } else {
      Duration previous = null;
      for (Duration size : sizes) {
        if (size.toMillis() <= 0 || size.toNanos() % 1_000_000 != 0) {
          errors.add(
              WINDOW_SIZES + ": " + size + " is not a positive whole number of milliseconds");
          continue;
        }
        if (previous != null && size.compareTo(previous) <= 0) {
          errors.add(
              WINDOW_SIZES + ": sizes must be strictly ascending, " + size + " after " + previous);
        }
        if (size.toMillis() % sizes.get(0).toMillis() != 0) {
          errors.add(
              WINDOW_SIZES
                  + ": "
                  + size
                  + " is not a multiple of the smallest size "
                  + sizes.get(0));
        }
        previous = size;
      }
    }
    nonNegative(GRACE, grace, errors);
    nonNegative(FLEET_HOST_TIMEOUT, fleetHostTimeout, errors);
    nonNegative(LIVE_UPDATE_INTERVAL, liveInterval, errors);
    if (from >= to) {
      errors.add(REPLAY_FROM + " must be before " + REPLAY_TO);
    }
    if (namespace == null) {
      errors.add(OUTPUT_NAMESPACE + ": must not be null (empty for live processing)");
    } else if (!namespace.isEmpty() && !namespace.startsWith("tickwatch.")) {
      errors.add(OUTPUT_NAMESPACE + ": must start with tickwatch., was '" + namespace + "'");
    }
    if (!(accuracy >= LogBucketMapping.MIN_RELATIVE_ACCURACY && accuracy <= 0.5)) {
      errors.add(RELATIVE_ACCURACY + ": must be in [1e-6, 0.5], was " + accuracy);
    }
    return errors;
  }

  private static void topic(String key, String name, List<String> errors) {
    if (name == null || name.isBlank()) {
      errors.add(key + ": a topic name is required");
    } else if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
      errors.add(key + ": '" + name + "' is not a legal Kafka topic name");
    }
  }

  private static void nonNegative(String key, Duration d, List<String> errors) {
    if (d == null) {
      errors.add(key + ": required");
    } else if (d.isNegative()) {
      errors.add(key + ": must not be negative, was " + d);
    }
  }
}
