package io.tickwatch.alerting.silence;

import io.tickwatch.alerting.model.Muter;
import io.tickwatch.avro.Alert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The silence store and its {@link Muter}. Thread-safe: the HTTP API adds and expires silences
 * while the engine thread reads them. Expired silences stay listed until {@link #purge(long, long)}
 * drops them.
 */
public final class Silencer implements Muter {
  private final Map<String, Silence> silences = new ConcurrentHashMap<>();

  /** Adds or replaces a silence (by id). */
  public void add(Silence silence) {
    silences.put(silence.id(), silence);
  }

  /**
   * Ends a silence now (Alertmanager's expire).
   *
   * @return false when there is no such silence
   */
  public boolean expire(String id, long nowMillis) {
    Silence s = silences.get(id);
    if (s == null) {
      return false;
    }
    long end = Math.max(s.startsAtMillis() + 1, nowMillis);
    silences.put(
        id,
        new Silence(
            s.id(),
            s.matchers(),
            Math.min(s.startsAtMillis(), end - 1),
            Math.min(end, s.endsAtMillis()),
            s.createdBy(),
            s.comment()));
    return true;
  }

  /** Every silence, active or not, sorted by id. */
  public List<Silence> all() {
    List<Silence> out = new ArrayList<>(silences.values());
    out.sort(java.util.Comparator.comparing(Silence::id));
    return out;
  }

  public Optional<Silence> get(String id) {
    return Optional.ofNullable(silences.get(id));
  }

  /** Drops silences that ended more than {@code keepMillis} ago; returns their ids. */
  public List<String> purge(long nowMillis, long keepMillis) {
    List<String> removed = new ArrayList<>();
    silences
        .values()
        .removeIf(
            s -> {
              boolean old = s.endsAtMillis() + keepMillis < nowMillis;
              if (old) {
                removed.add(s.id());
              }
              return old;
            });
    return removed;
  }

  @Override
  public List<String> mutedBy(Alert alert, Collection<Alert> current, long nowMillis) {
    List<String> ids = new ArrayList<>();
    for (Silence s : silences.values()) {
      if (s.mutes(alert.getLabels(), nowMillis)) {
        ids.add(s.id());
      }
    }
    ids.sort(null);
    return ids;
  }
}
