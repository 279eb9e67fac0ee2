package io.tickwatch.producer.internal.sample;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Sampler} every sample interval on one daemon thread. Slot {@code k} is due at
 * {@code start + k * interval} (no drift); when the thread wakes up late by whole slots it marks
 * them missed instead of sampling them in a burst.
 */
public final class SamplerThread implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(SamplerThread.class);

  private final Sampler sampler;
  private final long intervalNanos;
  private volatile boolean running = true;
  private volatile long missedSlots;
  private Thread thread;

  /** Creates the runner; {@link #start(String)} starts the thread. */
  public SamplerThread(Sampler sampler, long intervalNanos) {
    this.sampler = sampler;
    this.intervalNanos = intervalNanos;
  }

  /** Starts the daemon thread. */
  public synchronized Thread start(String name) {
    thread = new Thread(this, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    long next = 0;
    while (running) {
      try {
        long due = start + next * intervalNanos;
        long now = System.nanoTime();
        if (now < due) {
          LockSupport.parkNanos(due - now);
          continue;
        }
        long late = (now - due) / intervalNanos;
        if (late > 0) {
          sampler.skipSlots(late);
          missedSlots += late;
          next += late;
        }
        sampler.sampleSlot(now);
        next++;
      } catch (Throwable t) {
        LOG.warn("sampler loop error", t);
        next++;
      }
    }
    try {
      sampler.flush();
    } catch (Throwable t) {
      LOG.warn("final flush failed", t);
    }
  }

  /** Slots marked missed because the thread ran late. */
  public long missedSlots() {
    return missedSlots;
  }

  /** Stops the loop, flushes the partial batch and waits up to {@code timeoutMillis}. */
  public void stop(long timeoutMillis) {
    running = false;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null) {
      return;
    }
    LockSupport.unpark(t);
    try {
      t.join(Math.max(1, timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
