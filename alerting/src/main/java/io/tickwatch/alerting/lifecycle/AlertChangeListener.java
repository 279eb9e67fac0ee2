package io.tickwatch.alerting.lifecycle;

import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertTransition;

/**
 * Receives every change the engine makes, in order, on the engine's thread: the service writes them
 * to {@code tickwatch.alerts} and {@code tickwatch.alert-history}. Must not call back into the
 * engine.
 */
public interface AlertChangeListener {
  /** The alert's new state (after one or more transitions). */
  void onAlert(Alert alert);

  /** The alert was dropped from the set (resolved longer than the retention). */
  void onRemoved(String fingerprint);

  /** One entry of an alert's history. */
  void onTransition(AlertTransition transition);

  /** A listener that ignores everything. */
  AlertChangeListener NONE =
      new AlertChangeListener() {
        @Override
        public void onAlert(Alert alert) {}

        @Override
        public void onRemoved(String fingerprint) {}

        @Override
        public void onTransition(AlertTransition transition) {}
      };
}
