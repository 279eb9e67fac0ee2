package io.tickwatch.alerting.inhibit;

import io.tickwatch.alerting.model.AlertLabels;
import io.tickwatch.alerting.model.Muter;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Inhibition: a FIRING alert of at least {@code sourceSeverity} mutes the alerts below that
 * severity that share the value of every {@code equalLabels} label (by default: a critical alert
 * mutes the warnings of the same host). Stateless and thread-safe.
 */
public final class Inhibitor implements Muter {
  private final Severity sourceSeverity;
  private final List<String> equalLabels;

  public Inhibitor(Severity sourceSeverity, List<String> equalLabels) {
    this.sourceSeverity = Objects.requireNonNull(sourceSeverity, "sourceSeverity");
    this.equalLabels = List.copyOf(equalLabels);
  }

  /** CRITICAL and above mutes lower severities of the same {@code host}. */
  public static Inhibitor sameHost() {
    return new Inhibitor(Severity.CRITICAL, List.of(AlertLabels.HOST));
  }

  @Override
  public List<String> mutedBy(Alert target, Collection<Alert> current, long nowMillis) {
    if (target.getSeverity().ordinal() >= sourceSeverity.ordinal()) {
      return List.of();
    }
    List<String> sources = new ArrayList<>();
    for (Alert source : current) {
      if (source.getState() == AlertState.FIRING
          && source.getSeverity().ordinal() >= sourceSeverity.ordinal()
          && !source.getFingerprint().equals(target.getFingerprint())
          && sameValues(source, target)) {
        sources.add(source.getFingerprint());
      }
    }
    sources.sort(null);
    return sources;
  }

  private boolean sameValues(Alert a, Alert b) {
    for (String label : equalLabels) {
      String va = a.getLabels().get(label);
      if (va == null || !va.equals(b.getLabels().get(label))) {
        return false;
      }
    }
    return true;
  }
}
