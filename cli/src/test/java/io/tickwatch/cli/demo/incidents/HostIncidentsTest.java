package io.tickwatch.cli.demo.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.demo.DemoGameFleet;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HostIncidentsTest {
  private static final long TICK_NANOS = 16_666_667L;

  /** A clock that only moves when told to, plus a little on every read (so busy work ends). */
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private final List<Long> pauses = new ArrayList<>();

  private HostIncidents incidents(String host, Incident... scheduled) {
    return new HostIncidents(
        host, new IncidentSchedule(List.of(scheduled)), () -> now.addAndGet(1_000), pauses::add);
  }

  private void runTicks(HostIncidents h, int ticks) {
    for (int i = 0; i < ticks; i++) {
      h.beforeTick();
      now.addAndGet(TICK_NANOS);
    }
  }

  @Test
  void shouldRetainGrowingMemoryDuringALeakAndReleaseItAfter() {
    HostIncidents h =
        incidents(
            "h",
            new Incident(
                IncidentKind.MEMORY_LEAK, "h", Duration.ofSeconds(1), Duration.ofSeconds(2)));
    runTicks(h, 50); // < 1 s
    assertThat(h.retainedBytes()).isZero();
    runTicks(h, 60);
    double after1s = h.retainedBytes();
    runTicks(h, 30);
    assertThat(h.retainedBytes()).isGreaterThan(after1s).isGreaterThan(0);
    runTicks(h, 120); // past the end
    assertThat(h.retainedBytes()).isZero();
  }

  @Test
  void shouldCapTheLeak() {
    HostIncidents h =
        incidents("h", new Incident(IncidentKind.MEMORY_LEAK, "h", Duration.ZERO, Duration.ZERO));
    runTicks(h, 5000);
    assertThat(h.retainedBytes()).isEqualTo((double) HostIncidents.LEAK_CAP_BYTES);
  }

  @Test
  void shouldAddLatencyOnlyDuringTheSpike() {
    HostIncidents h =
        incidents(
            "h",
            new Incident(
                IncidentKind.LATENCY_SPIKE, "h", Duration.ofSeconds(1), Duration.ofSeconds(1)));
    h.beforeTick();
    assertThat(h.extraActionNanos()).isZero();
    runTicks(h, 61);
    assertThat(h.extraActionNanos()).isEqualTo(HostIncidents.EXTRA_ACTION_NANOS);
    runTicks(h, 61);
    assertThat(h.extraActionNanos()).isZero();
  }

  @Test
  void shouldSlowEveryTickOfAFrameDropBurstAndBusyTheThreadDuringCpuSaturation() {
    HostIncidents h =
        incidents(
            "h",
            new Incident(IncidentKind.FRAME_DROP_BURST, "h", Duration.ZERO, Duration.ofSeconds(1)),
            new Incident(
                IncidentKind.CPU_SATURATION, "h", Duration.ofSeconds(2), Duration.ofSeconds(1)));
    runTicks(h, 60);
    assertThat(pauses).hasSize(60).containsOnly(HostIncidents.SLOW_TICK_NANOS);
    long before = now.get();
    h.beforeTick(); // not yet saturated
    long idle = now.get() - before;
    now.addAndGet(1_500_000_000L);
    before = now.get();
    h.beforeTick(); // saturated: busy until 14 ms have passed on the clock
    assertThat(now.get() - before)
        .isGreaterThanOrEqualTo(HostIncidents.BUSY_NANOS)
        .isGreaterThan(idle);
    assertThat(pauses).hasSize(60);
  }

  @Test
  void shouldLeaveAQuietHostAlone() {
    HostIncidents h =
        incidents(
            "quiet",
            new Incident(IncidentKind.MEMORY_LEAK, "other", Duration.ZERO, Duration.ZERO),
            new Incident(IncidentKind.FRAME_DROP_BURST, "other", Duration.ZERO, Duration.ZERO));
    runTicks(h, 200);
    assertThat(h.retainedBytes()).isZero();
    assertThat(h.extraActionNanos()).isZero();
    assertThat(pauses).isEmpty();
  }

  @Test
  void shouldRunTheDemoRulesOnThePerHostGauges() {
    List<DetectorRule> rules = DemoIncidentRules.rules();
    assertThat(rules)
        .extracting(DetectorRule::id)
        .contains(
            "latency-p99-high", "frame-drop-rate-high", "demo-game-cpu-high", "demo-world-leak")
        .doesNotContainAnyElementsOf(DemoIncidentRules.LEFT_OUT);
    assertThat(DemoGameFleet.class).isNotNull();
  }
}
