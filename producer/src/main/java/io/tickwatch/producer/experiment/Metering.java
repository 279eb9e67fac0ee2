package io.tickwatch.producer.experiment;

/**
 * Which per-thread resources a unit of work measures besides its wall-clock time. The allocation
 * counter is a cheap read of the thread's TLAB accounting; the thread CPU clock is a system call
 * per read (two per unit, about a microsecond together on Linux, see docs/PERFORMANCE.md), so it is
 * opt-in for units of work that are short.
 */
public enum Metering {
  /** Wall-clock time only. */
  NONE(false, false),
  /** Wall-clock time and allocated bytes ({@code ab.alloc.kb}); the default. */
  ALLOCATION(false, true),
  /** Wall-clock time, allocated bytes and thread CPU time ({@code ab.cpu}). */
  CPU_AND_ALLOCATION(true, true);

  private final boolean cpu;
  private final boolean allocation;

  Metering(boolean cpu, boolean allocation) {
    this.cpu = cpu;
    this.allocation = allocation;
  }

  /** Whether thread CPU time is measured. */
  public boolean cpu() {
    return cpu;
  }

  /** Whether allocated bytes are measured. */
  public boolean allocation() {
    return allocation;
  }
}
