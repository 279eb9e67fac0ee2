package io.tickwatch.streams.anomaly;

import io.tickwatch.streams.common.TopologyDefaults;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The recommended Kafka Streams properties for running {@link AnomalyTopology} as its own
 * application (its own application id, e.g. {@code tickwatch-anomalies}); the runner adds or
 * overrides what it needs (state directory, threads, standby replicas).
 */
public final class AnomalyStreamsConfig {

  /** Suggested application id of the live anomaly application. */
  public static final String DEFAULT_APPLICATION_ID = "tickwatch-anomalies";

  private AnomalyStreamsConfig() {}

  /** Properties for one application instance (see {@code RollingStatsStreamsConfig}). */
  public static Properties properties(
      AnomalyConfig config,
      String applicationId,
      String bootstrapServers,
      String schemaRegistryUrl) {
    Properties props =
        TopologyDefaults.properties(
            applicationId, bootstrapServers, schemaRegistryUrl, config.deadLetterTopic());
    // one detector state per series and rule changes every second: the cache folds a commit
    // interval's updates of one key into one changelog record
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(32L * 1024 * 1024));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
    return props;
  }
}
