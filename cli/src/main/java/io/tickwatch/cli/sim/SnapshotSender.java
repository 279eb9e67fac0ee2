package io.tickwatch.cli.sim;

import io.tickwatch.producer.experiment.ExperimentHandle;
import io.tickwatch.producer.experiment.UnitOfWork;

/**
 * Sends world snapshots to the players of a {@link GameWorld}, a few per tick in round-robin, each
 * timed as one unit of work of an A/B experiment (unit = the player's session). The two code paths
 * really differ in cost: the control variant ({@value #FRESH}) allocates a fresh snapshot buffer
 * per send (zeroed memory, garbage for the young generation); the {@value #POOLED} variant reuses
 * one buffer owned by the game thread. Not thread-safe: the game thread owns it.
 */
public final class SnapshotSender {

  /** Control variant: a new buffer per snapshot. */
  public static final String FRESH = "fresh";

  /** Treatment variant: one pooled buffer reused by every snapshot. */
  public static final String POOLED = "pooled";

  /** Size of one snapshot buffer. */
  public static final int BUFFER_BYTES = 32 * 1024;

  private final GameWorld world;
  private final ExperimentHandle experiment;
  private final int perTick;
  private final String[] sessions;
  private final byte[] pooled = new byte[BUFFER_BYTES];
  private int cursor;
  private long checksum;

  /**
   * @param sessionPrefix prefix of the session ids, for example the host id (ids are {@code
   *     <prefix>/session-<player>})
   * @param perTick snapshots sent per tick
   */
  public SnapshotSender(
      GameWorld world, ExperimentHandle experiment, String sessionPrefix, int perTick) {
    this.world = world;
    this.experiment = experiment;
    this.perTick = perTick;
    this.sessions = new String[Math.max(1, world.players())];
    for (int p = 0; p < sessions.length; p++) {
      sessions[p] = sessionPrefix + "/session-" + p;
    }
  }

  /** Sends this tick's snapshots. */
  public void send() {
    for (int s = 0; s < perTick; s++) {
      int player = cursor;
      cursor = (cursor + 1) % sessions.length;
      try (UnitOfWork unit = experiment.start(sessions[player])) {
        byte[] buffer = unit.is(POOLED) ? pooled : new byte[BUFFER_BYTES];
        checksum += world.encodeSnapshot(player, buffer);
      }
    }
  }

  /** A value derived from every snapshot (keeps the JIT honest). */
  public long checksum() {
    return checksum;
  }
}
