package io.tickwatch.stats.rolling;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides when a fleet-wide window is complete: when every active host has reported a later window.
 * Each host's final results of the smallest window arrive in window order, so a host whose latest
 * reported window ends at {@code p} has nothing more for windows ending at or before {@code p}. The
 * watermark is the smallest such {@code p} over the active hosts; a fleet window ending at or
 * before it is complete.
 *
 * <p>Event-time skew between hosts (one input partition far ahead of another during a backlog or a
 * replay) does not lose data: the fast host just waits for the slow one. Two wall-clock rules keep
 * a silent host from blocking the fleet: a host not heard from for {@code hostTimeoutMillis} is
 * inactive (if every host is inactive the watermark is the largest progress, so the last windows
 * close when the input stops), and nothing closes until {@code hostTimeoutMillis} after start, so
 * that hosts can announce themselves after a (re)start. Wall-clock time only decides when windows
 * close, not what they contain, unless a host is silent longer than the timeout.
 *
 * <p>Not thread-safe; one instance per stream task.
 */
public final class FleetWatermark {
  private final long hostTimeoutMillis;
  private final long startedAtMillis;
  private final Map<String, long[]> hosts = new HashMap<>(); // {progressMillis, lastSeenMillis}

  /**
   * Creates a watermark.
   *
   * @param hostTimeoutMillis wall-clock time after which a silent host stops holding windows open
   * @param nowMillis wall-clock time of the start
   */
  public FleetWatermark(long hostTimeoutMillis, long nowMillis) {
    this.hostTimeoutMillis = hostTimeoutMillis;
    this.startedAtMillis = nowMillis;
  }

  /**
   * Records that {@code hostId} reported a window ending at {@code progressMillis}.
   *
   * @return whether the host's progress advanced (the caller persists it then)
   */
  public boolean observe(String hostId, long progressMillis, long nowMillis) {
    long[] host = hosts.get(hostId);
    if (host == null) {
      hosts.put(hostId, new long[] {progressMillis, nowMillis});
      return true;
    }
    host[1] = nowMillis;
    if (progressMillis > host[0]) {
      host[0] = progressMillis;
      return true;
    }
    return false;
  }

  /** Forgets a host (for example one whose progress is far behind every other). */
  public void forget(String hostId) {
    hosts.remove(hostId);
  }

  /** The hosts and their progress (read-only copy). */
  public Map<String, Long> progress() {
    Map<String, Long> out = new HashMap<>();
    hosts.forEach((host, state) -> out.put(host, state[0]));
    return out;
  }

  /**
   * The event time up to which every fleet window is complete, or {@link Long#MIN_VALUE} when
   * nothing may close yet.
   */
  public long watermark(long nowMillis) {
    if (hosts.isEmpty() || nowMillis - startedAtMillis < hostTimeoutMillis) {
      return Long.MIN_VALUE;
    }
    long minActive = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long[] host : hosts.values()) {
      max = Math.max(max, host[0]);
      if (nowMillis - host[1] <= hostTimeoutMillis) {
        minActive = Math.min(minActive, host[0]);
      }
    }
    return minActive == Long.MAX_VALUE ? max : minActive;
  }
}
