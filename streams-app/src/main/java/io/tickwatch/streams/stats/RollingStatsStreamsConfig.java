package io.tickwatch.streams.stats;

import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.streams.errors.DeadLetterDeserializationHandler;
import io.tickwatch.streams.errors.DeadLetterProcessingHandler;
import io.tickwatch.streams.errors.DeadLetterProductionHandler;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
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
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
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
