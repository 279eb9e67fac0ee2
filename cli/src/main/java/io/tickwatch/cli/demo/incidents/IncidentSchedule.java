package io.tickwatch.cli.demo.incidents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which demo host misbehaves how and when. Immutable.
 *
 * <p>{@link #demo(int)}: {@code demo-host-1} latency spike at +20 s for 25 s, {@code demo-host-2}
 * memory leak from +15 s to the end, {@code demo-host-3} CPU saturation at +30 s for 25 s, {@code
 * demo-host-4} frame-drop burst at +45 s for 20 s; every other host stays quiet. All of it fits the
 * demo's default 90 s, with time for the detectors' {@code for} windows and the recoveries.
 */
public final class IncidentSchedule {

  private final List<Incident> incidents;

  public IncidentSchedule(List<Incident> incidents) {
    this.incidents = List.copyOf(incidents);
  }

  /** No incidents. */
  public static IncidentSchedule none() {
    return new IncidentSchedule(List.of());
  }

  /** The demo's schedule for hosts {@code demo-host-1..hostCount} (fewer hosts, fewer kinds). */
  public static IncidentSchedule demo(int hostCount) {
    List<Incident> all =
        List.of(
            new Incident(
                IncidentKind.LATENCY_SPIKE,
                "demo-host-1",
                Duration.ofSeconds(20),
                Duration.ofSeconds(25)),
            new Incident(
                IncidentKind.MEMORY_LEAK, "demo-host-2", Duration.ofSeconds(15), Duration.ZERO),
            new Incident(
                IncidentKind.CPU_SATURATION,
                "demo-host-3",
                Duration.ofSeconds(30),
                Duration.ofSeconds(25)),
            new Incident(
                IncidentKind.FRAME_DROP_BURST,
                "demo-host-4",
                Duration.ofSeconds(45),
                Duration.ofSeconds(20)));
    return new IncidentSchedule(all.subList(0, Math.max(0, Math.min(hostCount, all.size()))));
  }

  /** Every incident, in schedule order. */
  public List<Incident> incidents() {
    return incidents;
  }

  /** The kinds in progress on {@code hostId} at {@code elapsed} after the start. */
  public Set<IncidentKind> activeOn(String hostId, Duration elapsed) {
    Set<IncidentKind> kinds = EnumSet.noneOf(IncidentKind.class);
    for (Incident i : incidents) {
      if (i.hostId().equals(hostId) && i.activeAt(elapsed)) {
        kinds.add(i.kind());
      }
    }
    return kinds;
  }

  /** The hosts of {@code demo-host-1..hostCount} without any incident. */
  public List<String> quietHosts(int hostCount) {
    List<String> quiet = new ArrayList<>();
    for (int i = 1; i <= hostCount; i++) {
      String host = "demo-host-" + i;
      if (incidents.stream().noneMatch(x -> x.hostId().equals(host))) {
        quiet.add(host);
      }
    }
    return quiet;
  }
}
