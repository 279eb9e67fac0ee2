package io.tickwatch.dashboard.feed;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the feed, per topic: records, failures and the newest record timestamp. */
public final class FeedStats {

  private final Map<String, AtomicLong> records = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> newestTimestamp = new ConcurrentHashMap<>();
  private volatile long lastPollMillis;
  private volatile boolean assigned;

  void record(String topic, long timestampMillis) {
    records.computeIfAbsent(topic, k -> new AtomicLong()).incrementAndGet();
    newestTimestamp
        .computeIfAbsent(topic, k -> new AtomicLong(Long.MIN_VALUE))
        .accumulateAndGet(timestampMillis, Math::max);
  }

  void failure(String topic) {
    failures.computeIfAbsent(topic, k -> new AtomicLong()).incrementAndGet();
  }

  void polled(long nowMillis) {
    lastPollMillis = nowMillis;
  }

  void assigned(boolean all) {
    assigned = all;
  }

  /** Records consumed per topic. */
  public Map<String, Long> records() {
    return snapshot(records);
  }

  /** Records that could not be decoded or applied, per topic. */
  public Map<String, Long> failures() {
    return snapshot(failures);
  }

  /** Newest record timestamp per topic (epoch milliseconds). */
  public Map<String, Long> newestTimestamps() {
    return snapshot(newestTimestamp);
  }

  /** Records consumed in all. */
  public long totalRecords() {
    return records.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Wall time of the last completed poll, 0 before the first. */
  public long lastPollMillis() {
    return lastPollMillis;
  }

  /** True once every topic's partitions are assigned. */
  public boolean allAssigned() {
    return assigned;
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> map) {
    Map<String, Long> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
