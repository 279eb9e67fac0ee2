package io.tickwatch.producer.profile;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event the profiler commits (on its own threads) to learn how JFR's timestamps map onto
 * {@link System#nanoTime()}: the event's JFR start time and the nanoTime read right before commit
 * are the same instant on both clocks. Never committed on a game thread.
 */
@Name(ClockAnchorEvent.NAME)
@Label("Tickwatch clock anchor")
@Category("Tickwatch")
@Description("Pairs a JFR timestamp with System.nanoTime() for the Tickwatch profiler.")
@StackTrace(false)
final class ClockAnchorEvent extends Event {
  static final String NAME = "io.tickwatch.ClockAnchor";

  @Label("System.nanoTime()")
  long nanoTime;

  /** Commits one anchor now. */
  static void commitNow() {
    ClockAnchorEvent event = new ClockAnchorEvent();
    event.begin();
    event.nanoTime = System.nanoTime();
    event.commit();
  }
}
