/**
 * The anomaly topology: detector rules applied to the hosts' final rolling statistics ({@code
 * tickwatch.stats}), emitting {@code io.tickwatch.avro.AnomalyEvent}s with severity, score,
 * evidence and a stable fingerprint on {@code tickwatch.anomalies}, with {@code for}/clear
 * hysteresis, detector state in logged stores (restart-safe, replay-deterministic) and rules that
 * change at run time through the compacted {@code tickwatch.anomaly-rules} topic.
 *
 * <p>Entry points: {@link io.tickwatch.streams.anomaly.AnomalyTopology#build} (pure), {@link
 * io.tickwatch.streams.anomaly.AnomalyConfig}, {@link
 * io.tickwatch.streams.anomaly.AnomalyStreamsConfig}. The detectors themselves are in {@code
 * io.tickwatch.stats.anomaly}; the rule model in {@link io.tickwatch.streams.anomaly.rules}. Design
 * and choices: {@code docs/ANOMALIES.md}, section "Topology".
 */
package io.tickwatch.streams.anomaly;
