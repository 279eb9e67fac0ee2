package io.tickwatch.producer;

import io.tickwatch.producer.internal.record.CounterRecorder;

/**
 * A monotonic counter published as a total since agent start. Thread-safe, per-thread cells,
 * wait-free after a thread's first call.
 */
public final class Counter {

  private final CounterRecorder recorder;

  Counter(CounterRecorder recorder) {
    this.recorder = recorder;
  }

  /** Adds one. */
  public void increment() {
    add(1);
  }

  /** Adds {@code amount} (should be {@code >= 0}). */
  public void add(long amount) {
    try {
      recorder.add(amount);
    } catch (Throwable ignored) {
      // never throws into the game
    }
  }
}
