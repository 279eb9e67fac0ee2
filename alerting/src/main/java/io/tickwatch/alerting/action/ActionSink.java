package io.tickwatch.alerting.action;

import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.ControlCommand;

/** Where the closed loop publishes: {@code tickwatch.control} and {@code tickwatch.actions}. */
public interface ActionSink {
  /** Publishes a command; throws when it could not be (the action is then audited FAILED). */
  void publish(ControlCommand command) throws Exception;

  /** Records an audit entry (best effort). */
  void audit(ActionAudit audit);
}
