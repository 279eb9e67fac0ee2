package io.tickwatch.producer.profile;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Decides whether a sample was taken during a slow tick, from the ticks in a {@link TickLog}.
 *
 * <p>JFR delivers samples about a second after they were taken, so the decision is made then,
 * against the ticks that have ended by that time: a sample of thread T at time t is
 *
 * <ul>
 *   <li>{@link Decision#KEEP} when a tick of T longer than the budget covers t;
 *   <li>{@link Decision#DROP} when T has ended a tick after t but no slow tick of T covers t (a
 *       fast tick, or the pause between ticks);
 *   <li>{@link Decision#PENDING} when T has not ended a tick after t yet (the tick may still turn
 *       out slow), including threads that never ticked; the caller asks again later.
 * </ul>
 *
 * <p><b>Approximation.</b> A tick's start is derived from its end minus its duration, both from
 * {@link System#nanoTime()}, and JFR sample times are mapped onto that clock through one offset
 * taken when the session started ({@link JfrClock}); samples within about a millisecond of a tick
 * boundary may be attributed to the neighbouring tick. Only ticks reported through {@code
 * TickwatchAgent.tick(duration)} are known; samples of other threads are never kept.
 *
 * <p>Confined to one thread (the session's JFR event thread).
 */
final class SlowTickFilter {
  /** Slow ticks remembered per thread. */
  static final int MAX_SLOW_TICKS_PER_THREAD = 1024;

  /** A decision about one sample. */
  enum Decision {
    KEEP,
    DROP,
    PENDING
  }

  private final TickLog log;
  private final long budgetNanos;
  private final Map<Long, ThreadTicks> byThread = new HashMap<>();
  private long cursor;

  SlowTickFilter(TickLog log, long budgetNanos, long fromSequence) {
    this.log = log;
    this.budgetNanos = budgetNanos;
    this.cursor = fromSequence;
  }

  /** Reads the ticks recorded since the last call. */
  void refresh() {
    cursor = log.readFrom(cursor, this::onTick);
  }

  /** Decides a sample of thread {@code threadId} taken at {@code timeNanos} (nanoTime clock). */
  Decision decide(long threadId, long timeNanos) {
    ThreadTicks ticks = byThread.get(threadId);
    if (ticks == null || ticks.lastEndNanos < timeNanos) {
      return Decision.PENDING;
    }
    Iterator<long[]> newestFirst = ticks.slow.descendingIterator();
    while (newestFirst.hasNext()) {
      long[] slow = newestFirst.next();
      if (slow[0] <= timeNanos && timeNanos <= slow[1]) {
        return Decision.KEEP;
      }
      if (slow[1] < timeNanos) {
        break;
      }
    }
    return Decision.DROP;
  }

  private void onTick(long threadId, long startNanos, long endNanos) {
    ThreadTicks ticks = byThread.computeIfAbsent(threadId, id -> new ThreadTicks());
    ticks.lastEndNanos = Math.max(ticks.lastEndNanos, endNanos);
    if (endNanos - startNanos > budgetNanos) {
      if (ticks.slow.size() == MAX_SLOW_TICKS_PER_THREAD) {
        ticks.slow.pollFirst();
      }
      ticks.slow.addLast(new long[] {startNanos, endNanos});
    }
  }

  private static final class ThreadTicks {
    private final ArrayDeque<long[]> slow = new ArrayDeque<>();
    private long lastEndNanos = Long.MIN_VALUE;
  }
}
