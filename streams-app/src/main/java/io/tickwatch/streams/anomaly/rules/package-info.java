/**
 * Detector rules of the anomaly topology, without Kafka: the rule model ({@link
 * io.tickwatch.streams.anomaly.rules.DetectorRule}), JSON parsing with validation that lists every
 * error ({@link io.tickwatch.streams.anomaly.rules.RuleParser}), and the defaults ({@link
 * io.tickwatch.streams.anomaly.rules.DefaultRules}). Rules come from a file at start (all or
 * nothing) and, at run time, from the compacted topic {@code tickwatch.anomaly-rules} (one rule per
 * record, keyed by rule id, JSON value; a tombstone removes the override). See the "Topology"
 * section of {@code docs/ANOMALIES.md}.
 */
package io.tickwatch.streams.anomaly.rules;
