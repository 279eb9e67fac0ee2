package io.tickwatch.streams.ab;

import io.tickwatch.streams.common.TopologyDefaults;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The recommended Kafka Streams properties for running {@link AbTopology} as its own application
 * (application id {@value #DEFAULT_APPLICATION_ID}); the runner adds state directory and threads.
 */
public final class AbStreamsConfig {

  /** Suggested application id of the live A/B application. */
  public static final String DEFAULT_APPLICATION_ID = "tickwatch-ab";

  private AbStreamsConfig() {}

  /** Properties for one application instance. */
  public static Properties properties(
      AbConfig config, String applicationId, String bootstrapServers, String schemaRegistryUrl) {
    Properties props =
        TopologyDefaults.properties(
            applicationId, bootstrapServers, schemaRegistryUrl, config.deadLetterTopic());
    // the state of an experiment changes with every batch: the cache folds a commit interval's
    // updates into one changelog record
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(16L * 1024 * 1024));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
    return props;
  }
}
