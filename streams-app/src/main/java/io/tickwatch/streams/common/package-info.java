/**
 * What every Tickwatch topology shares when it runs: {@link
 * io.tickwatch.streams.common.TopologyDefaults} (exactly-once, dead-letter handlers, bounded
 * RocksDB). Topology-specific tuning stays in each topology's package.
 */
package io.tickwatch.streams.common;
