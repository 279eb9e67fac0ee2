package io.tickwatch.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.streams.errors.DeadLetterDeserializationHandler;
import io.tickwatch.streams.errors.DeadLetterProcessingHandler;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class RollingStatsStreamsConfigTest {

  @Test
  void shouldRecommendExactlyOnceDeadLettersAndBoundedRocksDb() {
    Properties props =
        RollingStatsStreamsConfig.properties(
            RollingStatsConfig.defaults(), "tickwatch-stats", "localhost:1", "http://localhost:2");

    StreamsConfig config = new StreamsConfig(props);
    assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(config.getString(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG))
        .isEqualTo(StreamsConfig.OPTIMIZE);
    assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterDeserializationHandler.class.getName());
    assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProcessingHandler.class.getName());
    assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("tickwatch.dead-letter");
    assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedMemoryRocksDbConfig.class.getName());
  }

  @Test
  void shouldShareOneBlockCacheAndCapMemtables() {
    RocksDB.loadLibrary();
    BoundedMemoryRocksDbConfig setter = new BoundedMemoryRocksDbConfig();
    Map<String, Object> configs =
        Map.of(
            BoundedMemoryRocksDbConfig.TOTAL_OFF_HEAP_BYTES,
            "67108864",
            BoundedMemoryRocksDbConfig.MEMTABLE_BYTES,
            16L * 1024 * 1024);
    try (Options first = new Options();
        Options second = new Options()) {
      first.setTableFormatConfig(new BlockBasedTableConfig());
      second.setTableFormatConfig(new BlockBasedTableConfig());

      setter.setConfig("stats-host-1s", first, configs);
      setter.setConfig("stats-host-1m", second, configs);

      assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
      assertThat(first.writeBufferSize()).isEqualTo(2L * 1024 * 1024);
      BlockBasedTableConfig a = (BlockBasedTableConfig) first.tableFormatConfig();
      BlockBasedTableConfig b = (BlockBasedTableConfig) second.tableFormatConfig();
      assertThat(a.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(b.cacheIndexAndFilterBlocks()).isTrue();
      setter.close("stats-host-1s", first);
      setter.close("stats-host-1m", second);
    }
  }
}
