/**
 * The A/B topology ({@link io.tickwatch.streams.ab.AbTopology}): per experiment and variant it
 * aggregates the agents' {@code ab.*} latency digests (labelled {@code experiment} and {@code
 * variant}) into mergeable sufficient statistics (moments and log-bucket sketches, plus error and
 * distinct-unit counts) over event-time windows of a configurable cadence. When a window closes
 * (the experiment's event-time watermark passed its end plus the grace) the closed data since the
 * start of the experiment are evaluated with {@code io.tickwatch.stats.ab.AbAnalyzer} and one
 * {@code AbResult} is written to {@code tickwatch.ab-results}, keyed by experiment id; the
 * always-valid p-values of each evaluation are kept in state for the next.
 *
 * <p>Experiment definitions come from the compacted {@code tickwatch.experiments} topic as a global
 * table; only data between the experiment's start and stop (event time) count. Everything is driven
 * by event time, so a replay of the same samples gives the same results.
 */
package io.tickwatch.streams.ab;
