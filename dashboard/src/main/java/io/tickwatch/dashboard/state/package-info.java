/**
 * The dashboard's bounded in-memory view of the topics: series ring buffers and latest values
 * ({@link io.tickwatch.dashboard.state.SeriesStore}), the host cards of the overview, alerts with
 * their actions, experiments with their results and profiles.
 *
 * <p>Every class here is thread-safe: the Kafka feed thread writes, HTTP threads read. Memory is
 * bounded by construction (fixed-size rings, capped maps); what does not fit is dropped and
 * counted, never grown without limit.
 */
package io.tickwatch.dashboard.state;
