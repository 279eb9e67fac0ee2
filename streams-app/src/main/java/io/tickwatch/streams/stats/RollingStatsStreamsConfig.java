package io.tickwatch.streams.stats;

import io.tickwatch.streams.common.TopologyDefaults;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The recommended Kafka Streams properties for running {@link RollingStatsTopology}; the runner
 * adds or overrides what it needs (state directory, threads, standby replicas).
 */
public final class RollingStatsStreamsConfig {

  /** Default record cache: bounds how many store updates reach the changelog between commits. */
  public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

  private RollingStatsStreamsConfig() {}

  /**
   * Properties for one application instance.
   *
   * @param config the topology configuration (dead-letter topic)
   * @param applicationId Kafka Streams application id (a replay run uses its own)
   * @param bootstrapServers Kafka bootstrap servers
   * @param schemaRegistryUrl schema registry URL, used by the dead-letter handlers
   */
  public static Properties properties(
      RollingStatsConfig config,
      String applicationId,
      String bootstrapServers,
      String schemaRegistryUrl) {
    Properties props =
        TopologyDefaults.properties(
            applicationId, bootstrapServers, schemaRegistryUrl, config.deadLetterTopic());
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(DEFAULT_CACHE_BYTES));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "262144");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), "2000");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), "65536");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), "20");
    return props;
  }
}
