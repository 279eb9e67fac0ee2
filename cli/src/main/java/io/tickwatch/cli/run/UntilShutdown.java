package io.tickwatch.cli.run;

import java.util.concurrent.CountDownLatch;

/**
 * Blocks the calling thread until the JVM is asked to stop (SIGTERM, Ctrl-C); the shutdown hook
 * then waits until the caller has closed its service, so the stop is clean.
 */
final class UntilShutdown {

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private UntilShutdown(String name) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    stopped.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                name + "-shutdown"));
  }

  /** Registers the shutdown hook; call before starting the service. */
  static UntilShutdown register(String name) {
    return new UntilShutdown(name);
  }

  /**
   * Waits for the stop request, closes {@code service}, then lets the JVM exit.
   *
   * @throws Exception what closing the service threw
   */
  void awaitThenClose(AutoCloseable service) throws Exception {
    try (service) {
      stop.await();
    } finally {
      stopped.countDown();
    }
  }
}
