/**
 * The rolling-statistics topology: per host and fleet-wide windowed statistics of every series of
 * {@code tickwatch.samples}, final results to {@code tickwatch.stats} and early updates to {@code
 * tickwatch.stats-live}. Entry points: {@link io.tickwatch.streams.stats.RollingStatsConfig},
 * {@link io.tickwatch.streams.stats.RollingStatsTopology#build}, {@link
 * io.tickwatch.streams.stats.RollingStatsQueries} (interactive queries) and {@link
 * io.tickwatch.streams.stats.RollingStatsStreamsConfig} (recommended Kafka Streams properties). The
 * algorithms are in {@code io.tickwatch.stats.rolling}; the processors here are thin adapters.
 * Design and numbers: {@code docs/ROLLING-STATS.md}.
 */
package io.tickwatch.streams.stats;
