package io.tickwatch.cli.demo.incidents;

import java.time.Duration;
import java.util.Objects;

/**
 * One scheduled incident: a kind, the host it hits, and when (relative to the fleet's start).
 *
 * @param length how long it lasts; {@link Duration#ZERO} lasts until the demo ends
 */
public record Incident(IncidentKind kind, String hostId, Duration start, Duration length) {

  public Incident {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(hostId, "hostId");
    if (start.isNegative() || length.isNegative()) {
      throw new IllegalArgumentException("start and length must not be negative");
    }
  }

  /** Whether the incident is in progress {@code elapsed} after the fleet started. */
  public boolean activeAt(Duration elapsed) {
    return elapsed.compareTo(start) >= 0
        && (length.isZero() || elapsed.compareTo(start.plus(length)) < 0);
  }

  @Override
  public String toString() {
    return kind
        + " on "
        + hostId
        + " from +"
        + start.toSeconds()
        + " s"
        + (length.isZero() ? " to the end" : " for " + length.toSeconds() + " s");
  }
}
