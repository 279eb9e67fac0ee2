package io.tickwatch.alerting.action;

import java.time.Duration;

/**
 * Closed-loop settings.
 *
 * @param enabled act at all
 * @param dryRun publish commands with {@code dryRun = true} (agents only log) and audit DRY_RUN
 * @param scoreThreshold act when a FIRING alert's score is at least this, in [0, 1]
 * @param profileDuration length of the profiling session
 * @param samplingIntervalMillis JFR execution-sample interval of the session
 * @param shedFraction fraction of load to shed, in (0, 1]
 * @param cooldown minimum time between two actions of one kind on one host
 * @param maxActionsPerHour issued (or dry-run) actions over all hosts in any hour
 * @param commandTtl how long a command stays valid for the agent ({@code expiresAtMillis})
 */
public record ActionConfig(
    boolean enabled,
    boolean dryRun,
    double scoreThreshold,
    Duration profileDuration,
    int samplingIntervalMillis,
    double shedFraction,
    Duration cooldown,
    int maxActionsPerHour,
    Duration commandTtl) {

  public ActionConfig {
    if (scoreThreshold < 0 || scoreThreshold > 1) {
      throw new IllegalArgumentException("score threshold must be in [0, 1]");
    }
    if (!(shedFraction > 0 && shedFraction <= 1)) {
      throw new IllegalArgumentException("shed fraction must be in (0, 1]");
    }
    if (samplingIntervalMillis < 1 || maxActionsPerHour < 1) {
      throw new IllegalArgumentException("sampling interval and rate limit must be >= 1");
    }
  }

  /** Enabled, not dry-run: score ≥ 0.9 → profile 30 s at 10 ms, shed 30 %; cooldown 5 min. */
  public static ActionConfig defaults() {
    return new ActionConfig(
        true,
        false,
        0.9,
        Duration.ofSeconds(30),
        10,
        0.3,
        Duration.ofMinutes(5),
        20,
        Duration.ofMinutes(1));
  }

  public ActionConfig withDryRun(boolean dry) {
    return new ActionConfig(
        enabled,
        dry,
        scoreThreshold,
        profileDuration,
        samplingIntervalMillis,
        shedFraction,
        cooldown,
        maxActionsPerHour,
        commandTtl);
  }

  public ActionConfig withEnabled(boolean on) {
    return new ActionConfig(
        on,
        dryRun,
        scoreThreshold,
        profileDuration,
        samplingIntervalMillis,
        shedFraction,
        cooldown,
        maxActionsPerHour,
        commandTtl);
  }

  public ActionConfig withLimits(Duration newCooldown, int perHour) {
    return new ActionConfig(
        enabled,
        dryRun,
        scoreThreshold,
        profileDuration,
        samplingIntervalMillis,
        shedFraction,
        newCooldown,
        perHour,
        commandTtl);
  }
}
