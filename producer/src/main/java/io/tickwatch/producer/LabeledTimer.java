package io.tickwatch.producer;

import io.tickwatch.producer.internal.record.LatencyFamily;

/**
 * A latency series split by one label with a bounded number of values: values beyond the bound are
 * recorded under {@code other} and counted in the agent's health ({@code labelValuesFolded}).
 * Thread-safe; resolving a known label value is a lock-free map read without allocation.
 */
public final class LabeledTimer {

  private final LatencyFamily family;

  LabeledTimer(LatencyFamily family) {
    this.family = family;
  }

  /** The timer of one label value (cache it where the value is fixed). */
  public Timer withLabel(String value) {
    return new Timer(family.forLabel(value));
  }

  /** Records one duration under a label value. */
  public void record(String value, long durationNanos) {
    try {
      family.forLabel(value).record(durationNanos);
    } catch (Throwable ignored) {
      // never throws into the game
    }
  }
}
