package io.tickwatch.dashboard.control;

import io.tickwatch.avro.ControlCommand;

/** Sends control commands to the agents. Implementations are thread-safe. */
public interface ControlPublisher extends AutoCloseable {

  /**
   * Publishes a command and waits until the broker acknowledged it.
   *
   * @throws IllegalStateException when it could not be published
   */
  void publish(ControlCommand command);

  @Override
  default void close() {}
}
