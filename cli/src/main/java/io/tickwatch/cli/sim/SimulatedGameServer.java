package io.tickwatch.cli.sim;

import io.tickwatch.avro.RestoreLoad;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.producer.ActionType;
import io.tickwatch.producer.TickwatchAgent;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A game loop at a fixed tick rate around a {@link GameWorld}, optionally instrumented with a
 * {@link TickwatchAgent}. Run it on its own thread with {@link #run(BooleanSupplier)}; each tick
 * starts at an absolute deadline ({@code start + k * period}), so a slow tick is followed by an
 * immediate next tick rather than drift. Not thread-safe except {@link #shed(double)}.
 */
public final class SimulatedGameServer {

  private final GameWorld world;
  private final long periodNanos;
  private final TickwatchAgent agent;
  private final boolean pace;
  private long[] tickNanos = new long[4096];
  private int ticks;
  private long actions;
  private volatile double activeFraction = 1.0;
  private volatile SnapshotSender snapshots;

  /**
   * Creates a server.
   *
   * @param agent the agent to report to, or null for an uninstrumented run
   * @param pace false runs ticks back to back (tests)
   */
  public SimulatedGameServer(GameWorld world, int tickRateHz, TickwatchAgent agent, boolean pace) {
    this.world = world;
    this.periodNanos = 1_000_000_000L / tickRateHz;
    this.agent = agent;
    this.pace = pace;
    if (agent != null) {
      agent.onControl(ShedLoad.class, c -> shed(((ShedLoad) c.getPayload()).getFraction()));
      agent.onControl(RestoreLoad.class, c -> shed(0.0));
    }
  }

  /** Runs ticks until {@code stop} returns true (checked before every tick). */
  public void run(BooleanSupplier stop) {
    long start = System.nanoTime();
    long k = 0;
    GameWorld.ActionSink sink = agent == null ? (type, nanos) -> actions++ : this::recordAction;
    while (!stop.getAsBoolean()) {
      if (pace) {
        long due = start + k * periodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
      }
      long t0 = System.nanoTime();
      world.tick(activeFraction, sink);
      SnapshotSender sender = snapshots;
      if (sender != null) {
        sender.send();
      }
      long duration = System.nanoTime() - t0;
      if (agent != null) {
        agent.tick(duration);
        agent.activePlayers((int) Math.round(world.players() * activeFraction));
      }
      keep(duration);
      k++;
    }
  }

  /** Runs exactly {@code n} ticks (paced or not). */
  public void runTicks(int n) {
    int target = ticks + n;
    run(() -> ticks >= target);
  }

  /** Sends world snapshots inside every tick from now on (null stops it). Thread-safe. */
  public void sendSnapshots(SnapshotSender sender) {
    this.snapshots = sender;
  }

  /** Sheds {@code fraction} of the load (0 restores full load). Thread-safe. */
  public void shed(double fraction) {
    activeFraction = Math.max(0.05, 1.0 - Math.max(0.0, Math.min(1.0, fraction)));
  }

  /** Fraction of the players currently processed. */
  public double activeFraction() {
    return activeFraction;
  }

  /** Ticks run so far. */
  public int ticks() {
    return ticks;
  }

  /** Player actions handled so far. */
  public long actions() {
    return actions;
  }

  /** Durations of every tick so far, in nanoseconds (a copy). */
  public long[] tickDurationsNanos() {
    return Arrays.copyOf(tickNanos, ticks);
  }

  /** A value derived from the work done (keeps the JIT honest). */
  public double checksum() {
    return world.checksum();
  }

  private void recordAction(ActionType type, long nanos) {
    actions++;
    agent.actionLatency(type, nanos);
  }

  private void keep(long duration) {
    if (ticks == tickNanos.length) {
      tickNanos = Arrays.copyOf(tickNanos, ticks * 2);
    }
    tickNanos[ticks++] = duration;
  }
}
