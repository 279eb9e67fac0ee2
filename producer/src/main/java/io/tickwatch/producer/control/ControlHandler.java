package io.tickwatch.producer.control;

import io.tickwatch.avro.ControlCommand;

/** Executes one kind of control command. Called on the control listener thread; may throw. */
@FunctionalInterface
public interface ControlHandler {

  /** Executes {@code command}, whose payload is of the type the handler was registered for. */
  void handle(ControlCommand command) throws Exception;
}
