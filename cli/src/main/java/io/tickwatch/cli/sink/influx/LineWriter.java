package io.tickwatch.cli.sink.influx;

/** Writes a body of line-protocol lines to InfluxDB, once. */
@FunctionalInterface
public interface LineWriter {

  /**
   * Sends the lines in one request.
   *
   * @param lines one or more lines, each ending with {@code \n}
   * @throws InfluxWriteException when InfluxDB did not accept them; {@link
   *     InfluxWriteException#retryable()} tells whether the same request may succeed later
   */
  void write(String lines) throws InfluxWriteException;
}
