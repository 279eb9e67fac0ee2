package io.tickwatch.alerting.service;

import io.tickwatch.avro.AlertTransition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent history of every alert, in memory, for the HTTP API: at most {@code perAlert}
 * transitions per fingerprint (the full history is the {@code tickwatch.alert-history} topic).
 * Drops duplicates by (fingerprint, sequence). Thread-safe.
 */
final class AlertHistory {
  private final int perAlert;
  private final Map<String, Deque<AlertTransition>> byFingerprint = new HashMap<>();
  private final Map<String, Long> nextSequence = new HashMap<>();

  AlertHistory(int perAlert) {
    this.perAlert = perAlert;
  }

  synchronized void add(AlertTransition t) {
    long next = nextSequence.getOrDefault(t.getFingerprint(), 0L);
    Deque<AlertTransition> d =
        byFingerprint.computeIfAbsent(t.getFingerprint(), k -> new ArrayDeque<>());
    if (t.getSequence() < next && d.stream().anyMatch(x -> x.getSequence() == t.getSequence())) {
      return;
    }
    d.addLast(t);
    while (d.size() > perAlert) {
      d.removeFirst();
    }
    nextSequence.put(t.getFingerprint(), Math.max(next, t.getSequence() + 1));
  }

  /** The next sequence number for a fingerprint (0 when none seen). */
  synchronized long nextSequence(String fingerprint) {
    return nextSequence.getOrDefault(fingerprint, 0L);
  }

  /** Next sequence of every fingerprint seen. */
  synchronized Map<String, Long> nextSequences() {
    return new HashMap<>(nextSequence);
  }

  synchronized List<AlertTransition> of(String fingerprint) {
    Deque<AlertTransition> d = byFingerprint.get(fingerprint);
    return d == null ? List.of() : new ArrayList<>(d);
  }

  /** The newest {@code limit} transitions over every alert, oldest first. */
  synchronized List<AlertTransition> recent(int limit) {
    List<AlertTransition> all = new ArrayList<>();
    byFingerprint.values().forEach(all::addAll);
    all.sort(
        Comparator.comparing(AlertTransition::getAtMillis)
            .thenComparing(AlertTransition::getFingerprint)
            .thenComparingLong(AlertTransition::getSequence));
    return all.size() <= limit ? all : all.subList(all.size() - limit, all.size());
  }
}
