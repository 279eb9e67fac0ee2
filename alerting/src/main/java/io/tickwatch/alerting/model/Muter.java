package io.tickwatch.alerting.model;

import io.tickwatch.avro.Alert;
import java.util.Collection;
import java.util.List;

/**
 * Something that can mute an alert: a silence store or an inhibitor (Alertmanager's {@code
 * types.Muter}). Muted alerts keep their lifecycle but are not notified.
 */
public interface Muter {
  /**
   * Ids of whatever mutes this alert now (silence ids, or fingerprints of inhibiting alerts); empty
   * when nothing does. Called from the engine's single thread.
   *
   * @param alert the alert to judge
   * @param current every alert the engine holds, for muters that depend on other alerts
   * @param nowMillis the engine's clock, epoch milliseconds
   */
  List<String> mutedBy(Alert alert, Collection<Alert> current, long nowMillis);
}
