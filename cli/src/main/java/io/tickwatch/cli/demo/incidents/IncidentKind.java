package io.tickwatch.cli.demo.incidents;

/** What a scheduled incident does to its game server, and which rule is meant to catch it. */
public enum IncidentKind {
  /** Every player action reports 150 ms of extra (simulated upstream) latency. */
  LATENCY_SPIKE,
  /** The world retains a growing list of 16 KiB chunks each tick (capped), released at the end. */
  MEMORY_LEAK,
  /** Busy work on the game thread fills most of every tick. */
  CPU_SATURATION,
  /** Every tick overruns its budget (slow ticks), so frames drop. */
  FRAME_DROP_BURST
}
