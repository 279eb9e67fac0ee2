package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.RollingStats;

/**
 * A record of the topology's by-host repartition topic: either a final rolling-statistics record of
 * a host series (routed to the host's partition) or a validated rule update (copied to every
 * partition, so every task sees every rule in the order of its own input).
 *
 * @param stats the statistics record, or null for a rule update
 * @param ruleId the rule id of a rule update, or null
 * @param ruleJson the rule's JSON, or null for a removal (tombstone) or a statistics record
 */
record AnomalyInput(RollingStats stats, String ruleId, String ruleJson) {

  static AnomalyInput of(RollingStats stats) {
    return new AnomalyInput(stats, null, null);
  }

  static AnomalyInput rule(String ruleId, String ruleJson) {
    return new AnomalyInput(null, ruleId, ruleJson);
  }

  boolean isRule() {
    return stats == null;
  }
}
