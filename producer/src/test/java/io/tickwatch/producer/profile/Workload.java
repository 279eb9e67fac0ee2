package io.tickwatch.producer.profile;

import java.util.concurrent.locks.LockSupport;

/** CPU-bound test threads with known hot methods. */
final class Workload implements AutoCloseable {
  private static volatile long sink;

  private final Thread thread;
  private volatile boolean stop;

  private Workload(String name, Runnable iteration) {
    thread =
        new Thread(
            () -> {
              while (!stop) {
                iteration.run();
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  /** A thread that spends about nine tenths of its time in {@link #hotMethod}. */
  static Workload hotAndCold(String name) {
    return new Workload(
        name,
        () -> {
          hotMethod(900_000);
          coldMethod(100_000);
        });
  }

  /**
   * A game loop thread: every third tick is slow ({@link #slowTick}, about 40 ms of work), the
   * others fast ({@link #fastTick}, reported as 3 ms); 5 ms pauses between ticks; every tick
   * recorded in {@code log}.
   */
  @SuppressWarnings("deprecation")
  static Workload gameLoop(String name, TickLog log) {
    long[] tick = new long[1];
    return new Workload(
        name,
        () -> {
          long start = System.nanoTime();
          boolean slow = tick[0]++ % 3 == 0;
          if (slow) {
            slowTick(start + 40_000_000L);
          } else {
            fastTick(start + 3_000_000L);
          }
          // a fast tick is reported with its nominal 3 ms even when a loaded machine stretched it
          // (descheduled past the budget): what the loop reports decides which samples are kept
          long end = slow ? System.nanoTime() : start + 3_000_000L;
          log.record(Thread.currentThread().getId(), start, end);
          LockSupport.parkNanos(5_000_000L);
        });
  }

  static void hotMethod(int iterations) {
    long x = sink;
    for (int i = 0; i < iterations; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    sink = x;
  }

  static void coldMethod(int iterations) {
    long x = sink;
    for (int i = 0; i < iterations; i++) {
      x = x * 2862933555777941757L + 3037000493L;
    }
    sink = x;
  }

  static void slowTick(long untilNanos) {
    long x = sink;
    while (System.nanoTime() < untilNanos) {
      for (int i = 0; i < 1000; i++) {
        x = x * 6364136223846793005L + 1;
      }
    }
    sink = x;
  }

  static void fastTick(long untilNanos) {
    long x = sink;
    while (System.nanoTime() < untilNanos) {
      for (int i = 0; i < 1000; i++) {
        x = x * 2862933555777941757L + 1;
      }
    }
    sink = x;
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(10_000);
  }
}
