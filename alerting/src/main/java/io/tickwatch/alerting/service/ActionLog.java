package io.tickwatch.alerting.service;

import io.tickwatch.avro.ActionAudit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent closed-loop audit entries, in memory, for the HTTP API. Thread-safe. */
final class ActionLog {
  private final int capacity;
  private final Deque<ActionAudit> entries = new ArrayDeque<>();

  ActionLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(ActionAudit audit) {
    entries.addLast(audit);
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  synchronized List<ActionAudit> of(String fingerprintOrNull) {
    List<ActionAudit> out = new ArrayList<>();
    for (ActionAudit a : entries) {
      if (fingerprintOrNull == null || fingerprintOrNull.equals(a.getAlertFingerprint())) {
        out.add(a);
      }
    }
    return out;
  }
}
