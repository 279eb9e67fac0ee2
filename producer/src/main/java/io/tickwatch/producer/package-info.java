/**
 * The Tickwatch agent, the library a game server embeds.
 *
 * <p>Start with {@link io.tickwatch.producer.TickwatchAgent#builder(String)}. Recording handles
 * ({@link io.tickwatch.producer.Timer}, {@link io.tickwatch.producer.LabeledTimer}, {@link
 * io.tickwatch.producer.Counter}) are thread-safe, wait-free and allocation-free after a thread's
 * first call, and never throw; cache them in fields. Everything else (sampling, batching, Kafka)
 * happens on the agent's own daemon threads: {@code tickwatch-sampler} (one slot per sample
 * interval), {@code tickwatch-publisher} (owns the KafkaProducer) and {@code tickwatch-control}
 * (owns the control consumer).
 *
 * <p>Published per batch (see {@code SampleBatch.avsc}): per-slot series {@code tick.count}, {@code
 * tick.mean.micros}, {@code tick.max.micros}, {@code tick.rate.per.second}, {@code frame.drops},
 * {@code players.active}, {@code action.latency.count|mean.micros|max.micros}, {@code
 * <timer>.count|mean.micros|max.micros} per custom timer, one series per gauge, and the system
 * series listed in {@link io.tickwatch.producer.internal.collect}; latency digests {@code
 * tick.duration}, {@code action.latency{action=...}} and one per custom timer (label); counters
 * {@code ticks.total}, {@code tick.overruns.total}, {@code frame.drops.total} and custom counters;
 * and the agent's health.
 *
 * <p>Internals live in {@code io.tickwatch.producer.internal.*} and are not API.
 */
package io.tickwatch.producer;
