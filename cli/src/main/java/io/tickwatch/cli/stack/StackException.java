package io.tickwatch.cli.stack;

/**
 * A failure to start or reach part of the dev stack, with a message fit to show the user as one
 * line (for example "port 9092 (Kafka) on 127.0.0.1 is already in use; ...").
 */
public class StackException extends RuntimeException {

  public StackException(String message) {
    super(message);
  }

  public StackException(String message, Throwable cause) {
    super(message, cause);
  }
}
