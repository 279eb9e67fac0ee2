package io.tickwatch.cli.bench.alertlatency;

/**
 * What was observed of one incident, all epoch milliseconds; {@code -1} where nothing was seen.
 *
 * @param onsetMillis event time of the first anomalous sample
 * @param triggerWindowEndMillis end of the 1 s window the anomaly event was judged on (its event
 *     time)
 * @param statsReadMillis wall clock when that window's final statistic was read from the stats
 *     topic
 * @param anomalyReadMillis wall clock when the anomaly event was read
 * @param notifiedMillis wall clock when the firing notification reached the receiver
 */
public record Timeline(
    String hostId,
    long onsetMillis,
    long triggerWindowEndMillis,
    long statsReadMillis,
    long anomalyReadMillis,
    long notifiedMillis) {

  public boolean notified() {
    return notifiedMillis >= 0;
  }

  /** Onset to notification. */
  public long totalMillis() {
    return notifiedMillis - onsetMillis;
  }

  /** Onset to the end of the window the rule fired on: windowing plus the rule's {@code for}. */
  public long windowMillis() {
    return triggerWindowEndMillis < 0 ? -1 : triggerWindowEndMillis - onsetMillis;
  }

  /** Window end to its final statistic readable: grace, batching, stats commit. */
  public long statsMillis() {
    return both(statsReadMillis, triggerWindowEndMillis);
  }

  /** Statistic readable to anomaly event readable: the anomaly application. */
  public long anomalyMillis() {
    return both(anomalyReadMillis, statsReadMillis);
  }

  /** Anomaly event readable to notification received: the alerting service. */
  public long notifyMillis() {
    return both(notifiedMillis, anomalyReadMillis);
  }

  private static long both(long later, long earlier) {
    return later < 0 || earlier < 0 ? -1 : Math.max(0, later - earlier);
  }
}
