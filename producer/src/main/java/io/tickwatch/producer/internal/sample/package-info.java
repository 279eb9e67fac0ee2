/**
 * The sampler: the single reader of every recording cell and collector, turning them into one
 * {@link io.tickwatch.avro.SampleBatch} per publish interval.
 *
 * <p>{@link io.tickwatch.producer.internal.sample.Sampler} is driven slot by slot ({@code
 * sampleSlot}) by {@link io.tickwatch.producer.internal.sample.SamplerThread}, a daemon thread with
 * a drift-free {@code parkNanos} schedule; tests drive it directly. Slots the thread missed (it was
 * descheduled) are NaN in every series — no reading, never an invented one — and the durations
 * recorded meanwhile land in the next sampled slot.
 */
package io.tickwatch.producer.internal.sample;
