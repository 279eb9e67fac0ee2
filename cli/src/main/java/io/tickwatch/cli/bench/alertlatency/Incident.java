package io.tickwatch.cli.bench.alertlatency;

/**
 * One injected incident: host {@code hostId}'s {@code action.latency} jumps to {@link
 * SimulatedAgents#ANOMALOUS_MICROS} for samples with event time in {@code [onsetMillis,
 * endMillis)}.
 */
public record Incident(String hostId, long onsetMillis, long endMillis) {

  /** True when a sample at {@code eventMillis} is anomalous. */
  public boolean covers(long eventMillis) {
    return eventMillis >= onsetMillis && eventMillis < endMillis;
  }
}
