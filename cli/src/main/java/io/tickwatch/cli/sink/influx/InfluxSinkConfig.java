package io.tickwatch.cli.sink.influx;

import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of an {@link InfluxSink}.
 *
 * @param bootstrapServers Kafka cluster
 * @param schemaRegistryUrl schema registry the values are decoded through
 * @param topic {@code tickwatch.stats} (final results) or {@code tickwatch.stats-live}
 * @param groupId consumer group; the sink's progress is this group's committed offsets
 * @param kafkaProperties further Kafka consumer properties (security: {@code security.protocol},
 *     {@code sasl.*}, {@code ssl.*}); applied before the sink's own settings, which win
 * @param target InfluxDB write endpoint
 * @param measurement measurement of every point
 * @param batchPoints most points per write request
 * @param initialBackoff first retry delay of a failed write, doubled up to {@code maxBackoff}
 * @param maxAttempts attempts per write request before the sink gives up, 0 for unlimited
 */
public record InfluxSinkConfig(
    String bootstrapServers,
    String schemaRegistryUrl,
    String topic,
    String groupId,
    Map<String, String> kafkaProperties,
    InfluxTarget target,
    String measurement,
    int batchPoints,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxAttempts) {

  public static final String DEFAULT_GROUP_ID = "tickwatch-influx-sink";

  /** Consumer settings the sink owns (at-least-once depends on them). */
  static final Set<String> OWNED_KAFKA_KEYS =
      Set.of(
          "bootstrap.servers",
          "group.id",
          "enable.auto.commit",
          "key.deserializer",
          "value.deserializer",
          "isolation.level",
          "max.poll.records");

  public InfluxSinkConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(target, "target");
    kafkaProperties = Map.copyOf(kafkaProperties == null ? Map.of() : kafkaProperties);
    if (!topic.equals(Topics.STATS.name()) && !topic.equals(Topics.STATS_LIVE.name())) {
      throw new IllegalArgumentException(
          "--topic must be " + Topics.STATS.name() + " or " + Topics.STATS_LIVE.name());
    }
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("--group-id must not be blank");
    }
    for (String key : kafkaProperties.keySet()) {
      if (OWNED_KAFKA_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "Kafka property " + key + " is set by the sink (use its own option if there is one)");
      }
    }
    if (measurement == null || measurement.isBlank() || measurement.startsWith("#")) {
      throw new IllegalArgumentException(
          "--measurement must not be blank or start with '#', was '" + measurement + "'");
    }
    if (batchPoints < 1 || batchPoints > 100_000) {
      throw new IllegalArgumentException("--batch-points must be in 1..100000, was " + batchPoints);
    }
    if (initialBackoff.isNegative()
        || initialBackoff.isZero()
        || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 < initial backoff <= max backoff");
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("--max-attempts must be >= 0 (0 = unlimited)");
    }
  }
}
