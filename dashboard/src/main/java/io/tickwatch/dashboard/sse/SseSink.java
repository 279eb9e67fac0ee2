package io.tickwatch.dashboard.sse;

import java.io.IOException;

/** The connection of one SSE client. Called from one writer thread at a time. */
public interface SseSink {

  /** Writes and flushes raw {@code text/event-stream} bytes; may block on a slow client. */
  void write(byte[] bytes) throws IOException;

  /** Ends the response; idempotent. */
  void close();
}
