package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OverheadGuardTest {
  private final AtomicReference<OverheadReading> measured =
      new AtomicReference<>(OverheadReading.NONE);
  private final OverheadGuard guard = new OverheadGuard(profiling -> measured.get(), 2);

  @Test
  void shouldRefuseAboveFivePercentAndStartSlowerAboveThree() {
    measured.set(new OverheadReading(5.5, 0));
    guard.check(true);
    assertThat(guard.admit()).isEqualTo(OverheadGuard.Decision.REFUSE);

    measured.set(new OverheadReading(0.5, 60.0)); // tick change alone: an incident, not us
    guard.check(true);
    assertThat(guard.admit()).isEqualTo(OverheadGuard.Decision.PROCEED);

    measured.set(new OverheadReading(3.5, 0));
    guard.check(true);
    assertThat(guard.admit()).isEqualTo(OverheadGuard.Decision.BACK_OFF);

    measured.set(new OverheadReading(1.0, 2.0));
    guard.check(true);
    assertThat(guard.admit()).isEqualTo(OverheadGuard.Decision.PROCEED);
  }

  @Test
  void shouldBackOffAboveThreePercentOncePerCooldown() {
    measured.set(new OverheadReading(4.0, 0));

    assertThat(guard.check(true)).isEqualTo(OverheadGuard.Decision.PROCEED);
    assertThat(guard.check(true)).isEqualTo(OverheadGuard.Decision.BACK_OFF);
    assertThat(guard.check(true)).isEqualTo(OverheadGuard.Decision.PROCEED);
    assertThat(guard.check(true)).isEqualTo(OverheadGuard.Decision.BACK_OFF);
    measured.set(new OverheadReading(2.9, 0));
    assertThat(guard.check(true)).isEqualTo(OverheadGuard.Decision.PROCEED);
    assertThat(guard.check(true)).isEqualTo(OverheadGuard.Decision.PROCEED);
  }

  @Test
  void shouldIgnoreASingleSpikeWhileProfiling() {
    measured.set(new OverheadReading(1.0, 0));
    guard.check(true);
    guard.check(true);
    measured.set(new OverheadReading(9.0, 0));

    assertThat(guard.check(true)).isEqualTo(OverheadGuard.Decision.PROCEED);
    assertThat(guard.lastReading().overheadPercent()).isEqualTo(1.0);
    assertThat(guard.admit()).isEqualTo(OverheadGuard.Decision.PROCEED);
  }

  @Test
  void shouldNeverBackOffWhileNothingRuns() {
    measured.set(new OverheadReading(9.0, 0));

    assertThat(guard.check(false)).isEqualTo(OverheadGuard.Decision.PROCEED);
  }

  @Test
  void shouldDoubleTheIntervalUpToTheCeiling() {
    assertThat(OverheadGuard.backedOff(20)).isEqualTo(40);
    assertThat(OverheadGuard.backedOff(800)).isEqualTo(ProfileRequest.MAX_INTERVAL_MILLIS);
  }
}
