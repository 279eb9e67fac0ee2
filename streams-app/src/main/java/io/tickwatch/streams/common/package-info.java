/**
 * What every Tickwatch topology shares when it runs: {@link
 * io.tickwatch.streams.common.TopologyDefaults} (exactly-once, dead-letter handlers, bounded
 * RocksDB), and {@link io.tickwatch.streams.common.ConfigValues} (reading configuration keys,
 * collecting every problem). Topology-specific tuning stays in each topology's package.
 */
package io.tickwatch.streams.common;
