package io.tickwatch.streams.stats;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the application: one LRU block cache shared
 * by every store (index and filter blocks included, high priority), and one write buffer manager
 * charging memtables against the same cache, as in the Kafka Streams memory-management guide.
 * Without it each store instance (one per window segment and task) allocates its own 50 MB block
 * cache and 3 × 16 MB memtables.
 *
 * <p>Sizes come from the application configuration: {@value #TOTAL_OFF_HEAP_BYTES} (default 128
 * MiB) and {@value #MEMTABLE_BYTES} (default a quarter of it). The shared cache lives for the
 * lifetime of the JVM (one per process, created on first use).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

  /** Config key: total bytes of block cache plus memtables, shared by every store. */
  public static final String TOTAL_OFF_HEAP_BYTES = "tickwatch.rocksdb.total-off-heap-bytes";

  /** Config key: bytes of the total that memtables may use. */
  public static final String MEMTABLE_BYTES = "tickwatch.rocksdb.memtable-bytes";

  public static final long DEFAULT_TOTAL_OFF_HEAP_BYTES = 128L * 1024 * 1024;

  private static Cache cache;
  private static WriteBufferManager writeBufferManager;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long total = longConfig(configs, TOTAL_OFF_HEAP_BYTES, DEFAULT_TOTAL_OFF_HEAP_BYTES);
    long memtables = longConfig(configs, MEMTABLE_BYTES, total / 4);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(sharedCache(total, memtables));
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBufferManager);
    options.setMaxWriteBufferNumber(2);
    options.setWriteBufferSize(Math.max(1L << 20, memtables / 8));
    options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    options.setTableFormatConfig(table);
  }

  private static synchronized Cache sharedCache(long total, long memtables) {
    if (cache == null) {
      cache = new LRUCache(total, -1, false, 0.1);
      writeBufferManager = new WriteBufferManager(memtables, cache);
    }
    return cache;
  }

  private static long longConfig(Map<String, Object> configs, String key, long fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and write buffer manager are shared by every store; they must not be closed here
  }
}
