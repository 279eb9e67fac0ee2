package io.tickwatch.cli.demo.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IncidentScheduleTest {

  @Test
  void shouldGiveEachIncidentKindToOneHostAndLeaveTheOthersQuiet() {
    IncidentSchedule schedule = IncidentSchedule.demo(6);
    assertThat(schedule.incidents())
        .extracting(Incident::kind)
        .containsExactly(
            IncidentKind.LATENCY_SPIKE,
            IncidentKind.MEMORY_LEAK,
            IncidentKind.CPU_SATURATION,
            IncidentKind.FRAME_DROP_BURST);
    assertThat(schedule.incidents())
        .extracting(Incident::hostId)
        .containsExactly("demo-host-1", "demo-host-2", "demo-host-3", "demo-host-4");
    assertThat(schedule.quietHosts(6)).containsExactly("demo-host-5", "demo-host-6");
    assertThat(IncidentSchedule.demo(2).incidents()).hasSize(2);
  }

  @Test
  void shouldBeActiveOnlyInsideTheScheduledTime() {
    IncidentSchedule schedule = IncidentSchedule.demo(4);
    assertThat(schedule.activeOn("demo-host-1", Duration.ofSeconds(19))).isEmpty();
    assertThat(schedule.activeOn("demo-host-1", Duration.ofSeconds(20)))
        .containsExactly(IncidentKind.LATENCY_SPIKE);
    assertThat(schedule.activeOn("demo-host-1", Duration.ofSeconds(45))).isEmpty();
    assertThat(schedule.activeOn("demo-host-2", Duration.ofHours(5)))
        .containsExactly(IncidentKind.MEMORY_LEAK);
    assertThat(schedule.activeOn("demo-host-5", Duration.ofSeconds(50))).isEmpty();
  }

  @Test
  void shouldFitTheDefaultDemoDuration() {
    for (Incident i : IncidentSchedule.demo(4).incidents()) {
      assertThat(i.start().plus(i.length())).isLessThanOrEqualTo(Duration.ofSeconds(70));
    }
  }
}
