package io.tickwatch.producer;

import io.tickwatch.producer.internal.record.LatencyCell;
import io.tickwatch.producer.internal.record.LatencyRecorder;

/**
 * Records durations into one latency series. Thread-safe: every thread records into its own cell
 * (found through a {@code ThreadLocal}); wait-free and allocation-free after a thread's first call.
 * A thread that records in a loop can skip the lookup with {@link #forCurrentThread()}.
 */
public final class Timer {

  private final LatencyRecorder recorder;

  Timer(LatencyRecorder recorder) {
    this.recorder = recorder;
  }

  /** Records one duration in nanoseconds (values {@code <= 0} count as zero durations). */
  public void record(long durationNanos) {
    try {
      recorder.record(durationNanos);
    } catch (Throwable ignored) {
      // the agent never throws into the game
    }
  }

  /** Records the time since {@code startNanoTime}, a value of {@link System#nanoTime()}. */
  public void recordSince(long startNanoTime) {
    record(System.nanoTime() - startNanoTime);
  }

  /**
   * A handle bound to the calling thread's cell: no lookup per call. Use it only on the thread that
   * obtained it.
   */
  public ThreadBoundTimer forCurrentThread() {
    return new ThreadBoundTimer(recorder.cellForCurrentThread());
  }

  /** A {@link Timer} bound to one thread; calling it from another thread corrupts its counts. */
  public static final class ThreadBoundTimer {
    private final LatencyCell cell;

    ThreadBoundTimer(LatencyCell cell) {
      this.cell = cell;
    }

    /** Records one duration in nanoseconds. Owner thread only; wait-free, allocation-free. */
    public void record(long durationNanos) {
      try {
        cell.record(durationNanos);
      } catch (Throwable ignored) {
        // never throws into the game
      }
    }
  }
}
