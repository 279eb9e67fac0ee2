package io.tickwatch.alerting.testing;

import io.tickwatch.alerting.lifecycle.AlertChangeListener;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.AlertTransitionKind;
import java.util.ArrayList;
import java.util.List;

/** Records every change of an engine. */
public final class RecordingListener implements AlertChangeListener {
  public final List<Alert> alerts = new ArrayList<>();
  public final List<String> removed = new ArrayList<>();
  public final List<AlertTransition> transitions = new ArrayList<>();

  @Override
  public void onAlert(Alert alert) {
    alerts.add(alert);
  }

  @Override
  public void onRemoved(String fingerprint) {
    removed.add(fingerprint);
  }

  @Override
  public void onTransition(AlertTransition transition) {
    transitions.add(transition);
  }

  public List<AlertTransitionKind> kinds(String fingerprint) {
    return transitions.stream()
        .filter(t -> t.getFingerprint().equals(fingerprint))
        .map(AlertTransition::getKind)
        .toList();
  }
}
