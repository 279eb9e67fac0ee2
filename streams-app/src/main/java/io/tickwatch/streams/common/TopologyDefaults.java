package io.tickwatch.streams.common;

import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.streams.errors.DeadLetterDeserializationHandler;
import io.tickwatch.streams.errors.DeadLetterProcessingHandler;
import io.tickwatch.streams.errors.DeadLetterProductionHandler;
import io.tickwatch.streams.stats.BoundedMemoryRocksDbConfig;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties every Tickwatch topology runs with: identity, exactly-once v2,
 * String keys and byte-array values by default (topologies name their serdes), the dead-letter
 * handlers for deserialization, processing and production errors, and RocksDB bounded in memory.
 * Each topology's own config class adds its tuning on top.
 */
public final class TopologyDefaults {

  private TopologyDefaults() {}

  /**
   * @param applicationId Kafka Streams application id
   * @param bootstrapServers Kafka bootstrap servers
   * @param schemaRegistryUrl schema registry URL, used by the dead-letter handlers
   * @param deadLetterTopic topic the dead-letter handlers write to
   */
  public static Properties properties(
      String applicationId,
      String bootstrapServers,
      String schemaRegistryUrl,
      String deadLetterTopic) {
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
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    props.put(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
        BoundedMemoryRocksDbConfig.class.getName());
    props.put(
        BoundedMemoryRocksDbConfig.TOTAL_OFF_HEAP_BYTES,
        Long.toString(BoundedMemoryRocksDbConfig.DEFAULT_TOTAL_OFF_HEAP_BYTES));
    return props;
  }
}
