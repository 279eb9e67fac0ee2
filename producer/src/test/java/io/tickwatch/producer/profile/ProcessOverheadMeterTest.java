package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessOverheadMeterTest {
  private final TickLog ticks = new TickLog();
  private final ProcessOverheadMeter meter = new ProcessOverheadMeter(ticks);
  private long clock;

  private void ticks(int n, long durationNanos) {
    for (int i = 0; i < n; i++) {
      ticks.record(1, clock, clock + durationNanos);
      clock += 2 * durationNanos;
    }
  }

  @Test
  void shouldMeasureTheMedianTickTimeAgainstTheBaselineTakenWhileNotProfiling() {
    ticks(30, 1_000_000);
    assertThat(meter.read(false)).isEqualTo(OverheadReading.NONE);
    ticks(30, 1_000_000);
    meter.read(false);

    ticks(29, 2_000_000);
    ticks(1, 900_000_000); // one lag spike does not move the median
    OverheadReading profiling = meter.read(true);

    assertThat(profiling.tickImpactPercent()).isCloseTo(100.0, within(1e-6));
    assertThat(profiling.overheadPercent()).isGreaterThanOrEqualTo(100.0);
    assertThat(profiling.cpuPercentOfCore()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void shouldIgnoreWindowsWithTooFewTicks() {
    ticks(30, 1_000_000);
    meter.read(false);

    ticks(3, 50_000_000);

    assertThat(meter.read(true).tickImpactPercent()).isZero();
  }

  @Test
  void shouldCountJfrAndProfilerThreadsAsProfilingCost() {
    assertThat(ProcessOverheadMeter.isProfilerThread("JFR Event Stream")).isTrue();
    assertThat(ProcessOverheadMeter.isProfilerThread(ProfilerManager.THREAD_NAME)).isTrue();
    assertThat(ProcessOverheadMeter.isProfilerThread("game-loop")).isFalse();
  }
}
