package io.tickwatch.cli.sim;

import io.tickwatch.producer.ActionType;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic game work: entities moving on a torus, a spatial hash to find nearby pairs, and
 * randomly arriving player actions whose handling costs CPU. Not thread-safe: the game thread owns
 * it. Allocation-free per tick after construction.
 */
public final class GameWorld {

  private static final double SIZE = 1000.0;
  private static final int GRID = 64;
  private static final double CELL = SIZE / GRID;
  private static final ActionType[] ACTIONS = {
    ActionType.MOVE, ActionType.MOVE, ActionType.MOVE, ActionType.ATTACK,
    ActionType.ATTACK, ActionType.CAST, ActionType.CHAT, ActionType.LOOT
  };

  /** Receives each handled action and its processing time. */
  @FunctionalInterface
  public interface ActionSink {
    /** One action of {@code type} took {@code nanos} to handle. */
    void action(ActionType type, long nanos);
  }

  /**
   * Extra behaviour injected into a world from outside (the demo's scheduled incidents). Called on
   * the game thread; must not throw.
   */
  public interface Disturbance {
    /** Called at the start of every tick, inside the tick's measured time. */
    void beforeTick();

    /** Extra nanoseconds added to each handled action's reported time (simulated waiting). */
    long extraActionNanos();
  }

  private volatile Disturbance disturbance;
  private final SplittableRandom random;
  private final int entities;
  private final double[] x;
  private final double[] y;
  private final double[] vx;
  private final double[] vy;
  private final int[] cellHead;
  private final int[] next;
  private final double actionsPerPlayerPerTick;
  private final int players;
  private long contacts;
  private double checksum;

  /**
   * Creates a world.
   *
   * @param players simulated players
   * @param entitiesPerPlayer moving entities per player (NPCs, projectiles)
   * @param actionsPerPlayerPerTick mean player actions per player per tick
   */
  public GameWorld(long seed, int players, int entitiesPerPlayer, double actionsPerPlayerPerTick) {
    this.random = new SplittableRandom(seed);
    this.players = players;
    this.entities = Math.max(1, players * entitiesPerPlayer);
    this.actionsPerPlayerPerTick = actionsPerPlayerPerTick;
    this.x = new double[entities];
    this.y = new double[entities];
    this.vx = new double[entities];
    this.vy = new double[entities];
    this.cellHead = new int[GRID * GRID];
    this.next = new int[entities];
    for (int i = 0; i < entities; i++) {
      x[i] = random.nextDouble(SIZE);
      y[i] = random.nextDouble(SIZE);
      vx[i] = random.nextDouble(-5, 5);
      vy[i] = random.nextDouble(-5, 5);
    }
  }

  /** Installs (or, with null, removes) a disturbance; thread-safe. */
  public void disturb(Disturbance disturbance) {
    this.disturbance = disturbance;
  }

  /** Number of players. */
  public int players() {
    return players;
  }

  /**
   * Advances the world one tick, processing {@code activeFraction} of the players' entities and
   * actions (load shedding lowers it).
   */
  public void tick(double activeFraction, ActionSink sink) {
    Disturbance d = disturbance;
    long extraNanos = 0;
    if (d != null) {
      d.beforeTick();
      extraNanos = d.extraActionNanos();
    }
    int active = (int) Math.ceil(entities * activeFraction);
    move(active);
    collide(active);
    int actions = poisson(actionsPerPlayerPerTick * players * activeFraction);
    for (int a = 0; a < actions; a++) {
      long start = System.nanoTime();
      handleAction(a);
      sink.action(ACTIONS[random.nextInt(ACTIONS.length)], System.nanoTime() - start + extraNanos);
    }
  }

  /**
   * Encodes the area of interest of {@code player} (the positions of {@code buffer.length / 16}
   * entities starting at the player's own, as little-endian IEEE doubles) into {@code buffer}: the
   * body of a world snapshot sent to that player. Returns a checksum of the bytes written.
   */
  public long encodeSnapshot(int player, byte[] buffer) {
    int count = buffer.length / 16;
    int first = (int) ((long) player * entities / Math.max(1, players));
    long sum = 0;
    for (int k = 0, at = 0; k < count; k++, at += 16) {
      int e = (first + k) % entities;
      sum += putDouble(buffer, at, x[e]) + putDouble(buffer, at + 8, y[e]);
    }
    return sum;
  }

  private static long putDouble(byte[] out, int at, double value) {
    long bits = Double.doubleToRawLongBits(value);
    for (int b = 0; b < 8; b++) {
      out[at + b] = (byte) (bits >>> (8 * b));
    }
    return bits;
  }

  /** Something derived from all the work, so the JIT cannot drop it. */
  public double checksum() {
    return checksum + contacts;
  }

  private void move(int active) {
    for (int i = 0; i < active; i++) {
      double nx = x[i] + vx[i];
      double ny = y[i] + vy[i];
      x[i] = nx < 0 ? nx + SIZE : (nx >= SIZE ? nx - SIZE : nx);
      y[i] = ny < 0 ? ny + SIZE : (ny >= SIZE ? ny - SIZE : ny);
    }
  }

  private void collide(int active) {
    Arrays.fill(cellHead, -1);
    for (int i = 0; i < active; i++) {
      int cell = cellOf(x[i], y[i]);
      next[i] = cellHead[cell];
      cellHead[cell] = i;
    }
    long found = 0;
    for (int i = 0; i < active; i++) {
      for (int j = cellHead[cellOf(x[i], y[i])]; j >= 0; j = next[j]) {
        if (j > i) {
          double dx = x[i] - x[j];
          double dy = y[i] - y[j];
          if (dx * dx + dy * dy < 4.0) {
            found++;
            double t = vx[i];
            vx[i] = vx[j];
            vx[j] = t;
          }
        }
      }
    }
    contacts += found;
  }

  private void handleAction(int a) {
    // path-finding-like work: a few hundred dependent floating-point steps
    double px = random.nextDouble(SIZE);
    double py = random.nextDouble(SIZE);
    int target = random.nextInt(entities);
    for (int step = 0; step < 200; step++) {
      double dx = x[target] - px;
      double dy = y[target] - py;
      double d = Math.sqrt(dx * dx + dy * dy) + 1e-9;
      px += dx / d;
      py += dy / d;
    }
    checksum += px * 1e-9 + py * 1e-9 + a;
  }

  private int poisson(double mean) {
    // Knuth for small means, normal approximation above
    if (mean > 30) {
      double g = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
      return Math.max(0, (int) Math.round(mean + g * 2 * Math.sqrt(mean)));
    }
    double limit = Math.exp(-mean);
    double p = 1.0;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  private static int cellOf(double px, double py) {
    int cx = Math.min(GRID - 1, (int) (px / CELL));
    int cy = Math.min(GRID - 1, (int) (py / CELL));
    return cy * GRID + cx;
  }
}
