package io.tickwatch.streams.anomaly;

import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.streams.errors.DeadLetterDeserializationHandler;
import io.tickwatch.streams.errors.DeadLetterProcessingHandler;
import io.tickwatch.streams.errors.DeadLetterProductionHandler;
import io.tickwatch.streams.stats.BoundedMemoryRocksDbConfig;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
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
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    props.put(
        StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProductionHandler.class.getName());
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.deadLetterTopic());
    props.put(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
        BoundedMemoryRocksDbConfig.class.getName());
    props.put(
        BoundedMemoryRocksDbConfig.TOTAL_OFF_HEAP_BYTES,
        Long.toString(BoundedMemoryRocksDbConfig.DEFAULT_TOTAL_OFF_HEAP_BYTES));
    // one detector state per series and rule changes every second: the cache folds a commit
    // interval's updates of one key into one changelog record
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(32L * 1024 * 1024));
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
    return props;
  }
}
