package io.tickwatch.streams.ab;

import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.sketch.LogBucketMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Configuration of the {@link AbTopology}.
 *
 * @param samplesTopic input sample batches
 * @param experimentsTopic compacted experiment definitions (read as a global table)
 * @param resultsTopic output evaluations
 * @param deadLetterTopic where the error handlers write
 * @param cadence event-time length of an aggregation window; one evaluation per closed window
 * @param grace how far (event time) the watermark of an experiment must pass a window's end before
 *     the window closes; later data count in the next evaluation
 * @param relativeAccuracy relative accuracy of the aggregated sketches
 */
public record AbConfig(
    String samplesTopic,
    String experimentsTopic,
    String resultsTopic,
    String deadLetterTopic,
    Duration cadence,
    Duration grace,
    double relativeAccuracy) {

  /** Production cadence: one evaluation per minute of event time. */
  public static final Duration DEFAULT_CADENCE = Duration.ofSeconds(60);

  /** Default grace: two seconds of event time. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

  /** Configuration key of the cadence (a {@link Duration} string or milliseconds). */
  public static final String CADENCE_KEY = "ab.cadence";

  /** Configuration key of the grace. */
  public static final String GRACE_KEY = "ab.grace";

  /** Validates; every problem is listed. */
  public AbConfig {
    List<String> problems = new ArrayList<>();
    if (cadence == null || cadence.toMillis() < 1) {
      problems.add("ab.cadence must be at least 1 ms");
    }
    if (grace == null || grace.isNegative()) {
      problems.add("ab.grace must be >= 0");
    }
    if (!(relativeAccuracy >= LogBucketMapping.MIN_RELATIVE_ACCURACY && relativeAccuracy < 1)) {
      problems.add("relative accuracy must be in [1e-6, 1)");
    }
    for (String topic :
        new String[] {samplesTopic, experimentsTopic, resultsTopic, deadLetterTopic}) {
      if (topic == null || topic.isBlank()) {
        problems.add("every topic name must be set");
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid A/B config: " + String.join("; ", problems));
    }
  }

  /** The standard topics with the production cadence. */
  public static AbConfig defaults() {
    return new AbConfig(
        Topics.SAMPLES.name(),
        Topics.EXPERIMENTS.name(),
        Topics.AB_RESULTS.name(),
        Topics.DEAD_LETTER.name(),
        DEFAULT_CADENCE,
        DEFAULT_GRACE,
        LogBucketMapping.DEFAULT_RELATIVE_ACCURACY);
  }

  /** The defaults with cadence and grace from a key lookup (absent keys keep the default). */
  public static AbConfig from(Function<String, String> lookup) {
    AbConfig d = defaults();
    return d.withCadence(
        duration(lookup.apply(CADENCE_KEY), d.cadence()),
        duration(lookup.apply(GRACE_KEY), d.grace()));
  }

  /** The defaults with cadence and grace from a map. */
  public static AbConfig from(Map<String, String> values) {
    return from(values::get);
  }

  /** A copy with another cadence and grace. */
  public AbConfig withCadence(Duration cadence, Duration grace) {
    return new AbConfig(
        samplesTopic,
        experimentsTopic,
        resultsTopic,
        deadLetterTopic,
        cadence,
        grace,
        relativeAccuracy);
  }

  private static Duration duration(String value, Duration fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      return Duration.ofMillis(Long.parseLong(v));
    }
    return Duration.parse(v.startsWith("P") ? v : "PT" + v.toUpperCase(java.util.Locale.ROOT));
  }
}
