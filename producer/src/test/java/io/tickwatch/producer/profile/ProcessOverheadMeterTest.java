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
    // the tick change is reported, but only the profiler's own CPU drives the guard
    assertThat(profiling.overheadPercent()).isEqualTo(profiling.cpuPercentOfCore());
  }

  @Test
  void shouldIgnoreWindowsWithTooFewTicks() {
    ticks(30, 1_000_000);
    meter.read(false);

    ticks(3, 50_000_000);

    assertThat(meter.read(true).tickImpactPercent()).isZero();
  }

  @Test
  void shouldMeasureTheCpuOfJfrThreadsWhileASessionRuns() throws Exception {
    assertThat(ProfilerThreadsCpu.available()).as("Linux /proc").isTrue();
    ProfilerThreadsCpu cpu = new ProfilerThreadsCpu();
    cpu.cpuNanosSinceLastCall();
    try (Workload worker = Workload.hotAndCold("meter-worker");
        ProfilerManager manager =
            new ProfilerManager(
                    "host-1",
                    java.time.InstantSource.system(),
                    ticks,
                    new OverheadGuard(p -> OverheadReading.NONE, 1),
                    r -> {},
                    3_600_000)
                .start()) {
      ProfileStart start =
          manager.start(
              ProfileRequest.builder().durationMillis(1500).samplingIntervalMillis(1).build());
      cpu.cpuNanosSinceLastCall(); // JFR's threads exist now
      start.report().get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    // JFR's threads parsed and sampled for 1.5 s at 1 ms: some clock ticks of CPU
    assertThat(cpu.cpuNanosSinceLastCall()).isPositive();
  }

  @Test
  void shouldReadCpuTicksFromAProcStatLine() {
    String stat = "4242 (JFR Thread Samp) S 1 2 3 0 -1 4194368 0 0 0 0 17 5 0 0 20 0 30 0 1 2";

    assertThat(ProfilerThreadsCpu.cpuTicks(stat)).isEqualTo(22);
    assertThat(ProfilerThreadsCpu.isProfilerThread("JFR Thread Samp")).isTrue();
    assertThat(ProfilerThreadsCpu.isProfilerThread("tickwatch-profi")).isTrue();
    assertThat(ProfilerThreadsCpu.isProfilerThread("sim-game-loop")).isFalse();
  }

  @Test
  void shouldCountJfrAndProfilerThreadsAsProfilingCost() {
    assertThat(ProcessOverheadMeter.isProfilerThread("JFR Event Stream")).isTrue();
    assertThat(ProcessOverheadMeter.isProfilerThread(ProfilerManager.THREAD_NAME)).isTrue();
    assertThat(ProcessOverheadMeter.isProfilerThread("game-loop")).isFalse();
  }
}
