package io.tickwatch.alerting.lifecycle;

import java.time.Duration;

/**
 * Timing of the alert lifecycle. All durations are measured on the engine's injected clock.
 *
 * @param forDuration how long a condition must hold (PENDING) before the alert fires; zero fires on
 *     the first anomaly
 * @param keepFiring how long a FIRING alert stays firing after its condition cleared (recovery
 *     event or staleness), so a brief dip does not resolve and re-fire it
 * @param staleAfter an open alert whose last active anomaly is older than this counts as cleared;
 *     zero disables staleness (the default: Tickwatch's anomaly topology emits an active event only
 *     at onset and on a severity rise, then one recovery event, so silence means "still active").
 *     Set it for sources that re-emit while the condition holds.
 * @param flapWindow window over which state changes (to FIRING and to RESOLVED) are counted
 * @param flapThreshold that many state changes within the window mark the alert flapping; flapping
 *     stops when the count falls below half of it
 * @param resolvedRetention how long a resolved alert is kept (and shown) before it is removed
 */
public record LifecycleConfig(
    Duration forDuration,
    Duration keepFiring,
    Duration staleAfter,
    Duration flapWindow,
    int flapThreshold,
    Duration resolvedRetention) {

  /** Defaults: for 0 s, keep-firing 30 s, no staleness, 6 changes in 10 min flap, keep 1 h. */
  public static LifecycleConfig defaults() {
    return new LifecycleConfig(
        Duration.ZERO,
        Duration.ofSeconds(30),
        Duration.ZERO,
        Duration.ofMinutes(10),
        6,
        Duration.ofHours(1));
  }

  public LifecycleConfig {
    requireNonNegative("for", forDuration);
    requireNonNegative("keep-firing", keepFiring);
    requireNonNegative("stale-after", staleAfter);
    requireNonNegative("flap-window", flapWindow);
    requireNonNegative("resolved-retention", resolvedRetention);
    if (flapThreshold < 2) {
      throw new IllegalArgumentException("flap threshold must be >= 2, was " + flapThreshold);
    }
  }

  private static void requireNonNegative(String name, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be a non-negative duration, was " + d);
    }
  }

  public LifecycleConfig withFor(Duration d) {
    return new LifecycleConfig(
        d, keepFiring, staleAfter, flapWindow, flapThreshold, resolvedRetention);
  }

  public LifecycleConfig withKeepFiring(Duration d) {
    return new LifecycleConfig(
        forDuration, d, staleAfter, flapWindow, flapThreshold, resolvedRetention);
  }

  /** True when {@code staleAfter} is set (non-zero). */
  public boolean stalenessEnabled() {
    return !staleAfter.isZero();
  }

  public LifecycleConfig withFlap(Duration window, int threshold) {
    return new LifecycleConfig(
        forDuration, keepFiring, staleAfter, window, threshold, resolvedRetention);
  }
}
