package io.tickwatch.producer.internal.record;

/** Mutable per-slot aggregate filled by {@link LatencyReader#readSlot}; reused, sampler only. */
public final class SlotStats {
  /** Durations recorded since the previous slot read. */
  public long count;

  /** Their sum, in nanoseconds. */
  public long sumNanos;

  /** Their maximum in nanoseconds, 0 when none. */
  public long maxNanos;

  /** Tick overruns since the previous slot read (tick recorder only). */
  public long overruns;

  /** Frames dropped since the previous slot read (tick recorder only). */
  public long frameDrops;

  /** Resets every field to zero. */
  public void clear() {
    count = 0;
    sumNanos = 0;
    maxNanos = 0;
    overruns = 0;
    frameDrops = 0;
  }
}
