package io.tickwatch.cli.bench.alertlatency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Schedules incidents on distinct hosts, one every {@code interval}, each starting at a random
 * millisecond within its second (never in the last 20 ms of a 1 s window, so the first window holds
 * at least 2 % anomalous samples and its p99 crosses the limit).
 */
public final class IncidentPlan {

  private IncidentPlan() {}

  /** Host id of incident {@code index} of a run. */
  public static String hostId(String prefix, int index) {
    return String.format(Locale.ROOT, "%s%03d", prefix, index);
  }

  /**
   * @param firstSecondMillis a whole second (epoch ms) at or after which the first incident starts
   */
  public static List<Incident> plan(
      String hostPrefix,
      int incidents,
      long firstSecondMillis,
      Duration interval,
      Duration anomalyDuration,
      long seed) {
    if (firstSecondMillis % 1000 != 0) {
      throw new IllegalArgumentException("firstSecondMillis must be a whole second");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Incident> plan = new ArrayList<>(incidents);
    for (int i = 0; i < incidents; i++) {
      long second = firstSecondMillis + (i * interval.toMillis()) / 1000 * 1000;
      long onset = second + random.nextInt(980);
      plan.add(new Incident(hostId(hostPrefix, i), onset, onset + anomalyDuration.toMillis()));
    }
    return plan;
  }
}
