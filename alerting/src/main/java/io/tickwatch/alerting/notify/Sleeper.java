package io.tickwatch.alerting.notify;

import java.time.Duration;

/** Waits; injected into the retry and rate-limit stages so tests run without real waiting. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));
}
