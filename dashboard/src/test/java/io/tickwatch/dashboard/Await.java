package io.tickwatch.dashboard;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded polling for a condition (no fixed sleeps, no timing assertions). */
public final class Await {

  private static final long LIMIT_NANOS = 60_000_000_000L;

  private Await() {}

  /** Polls {@code condition} until true; fails after a generous limit with {@code what}. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition never became true: " + what);
      }
      LockSupport.parkNanos(20_000_000L);
    }
  }
}
