package io.tickwatch.dashboard.state;

import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current alert set (from the compacted alerts topic) and the newest actions per alert
 * fingerprint (from the actions topic). Bounded: at most {@code maxAlerts} alerts (the oldest
 * resolved ones are evicted first) and {@value #ACTIONS_PER_ALERT} actions per fingerprint.
 * Thread-safe (synchronized).
 */
public final class AlertBook {

  static final int ACTIONS_PER_ALERT = 20;

  private final int maxAlerts;
  private final Map<String, Alert> alerts = new LinkedHashMap<>();
  private final Map<String, Deque<ActionAudit>> actions =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<ActionAudit>> eldest) {
          return size() > maxAlerts;
        }
      };

  public AlertBook(int maxAlerts) {
    this.maxAlerts = maxAlerts;
  }

  /** Applies the latest state of an alert, or removes it on a tombstone ({@code alert == null}). */
  public synchronized void put(String fingerprint, Alert alert) {
    if (alert == null) {
      alerts.remove(fingerprint);
      return;
    }
    alerts.remove(fingerprint);
    alerts.put(fingerprint, alert);
    if (alerts.size() > maxAlerts) {
      String victim =
          alerts.values().stream()
              .filter(a -> a.getState().name().equals("RESOLVED"))
              .findFirst()
              .orElse(alerts.values().iterator().next())
              .getFingerprint();
      alerts.remove(victim);
    }
  }

  /** Records an action; actions without a fingerprint are kept under the empty string. */
  public synchronized void addAction(ActionAudit action) {
    String fp = action.getAlertFingerprint() == null ? "" : action.getAlertFingerprint();
    Deque<ActionAudit> list = actions.computeIfAbsent(fp, k -> new ArrayDeque<>());
    list.addLast(action);
    while (list.size() > ACTIONS_PER_ALERT) {
      list.removeFirst();
    }
  }

  /** Every alert, newest start first. */
  public synchronized List<Alert> alerts() {
    List<Alert> list = new ArrayList<>(alerts.values());
    list.sort(Comparator.comparing(Alert::getStartsAtMillis).reversed());
    return list;
  }

  /** One alert. */
  public synchronized Optional<Alert> alert(String fingerprint) {
    return Optional.ofNullable(alerts.get(fingerprint));
  }

  /** The newest actions of an alert, oldest first. */
  public synchronized List<ActionAudit> actions(String fingerprint) {
    Deque<ActionAudit> list = actions.get(fingerprint);
    return list == null ? List.of() : new ArrayList<>(list);
  }

  /** Alert counts by state and severity: {@code {state: {severity: n}}}. */
  public synchronized Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (Alert a : alerts.values()) {
      out.computeIfAbsent(a.getState().name(), k -> new LinkedHashMap<>())
          .merge(a.getSeverity().name(), 1, Integer::sum);
    }
    return out;
  }
}
