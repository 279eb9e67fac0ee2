package io.tickwatch.cli.demo.incidents;

import io.tickwatch.cli.sim.GameWorld;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The incidents of one demo host, acting on its game world each tick ({@link
 * GameWorld.Disturbance}), plus two per-host gauges that let the detectors tell the hosts apart
 * although every demo host shares one JVM: {@link #retainedBytes()} (the leak's retained memory)
 * and {@link #gameThreadCpuPercent()} (CPU of this host's game thread, % of one core).
 *
 * <p>Effects while an incident is active: latency spike, +150 ms reported on every action; memory
 * leak, one more 16 KiB chunk retained per tick (at most 64 MiB), all released when it ends; CPU
 * saturation, busy work until 14 ms of the tick have passed; frame-drop burst, the tick pauses 25
 * ms (over the 16.7 ms budget at 60 Hz). Called on the game thread only; the gauges are
 * thread-safe.
 */
public final class HostIncidents implements GameWorld.Disturbance {

  static final long EXTRA_ACTION_NANOS = 150_000_000L;
  static final int LEAK_CHUNK_BYTES = 16 * 1024;
  static final long LEAK_CAP_BYTES = 64L * 1024 * 1024;
  static final long BUSY_NANOS = 14_000_000L;
  static final long SLOW_TICK_NANOS = 25_000_000L;
  private static final long CPU_SAMPLE_NANOS = 100_000_000L;

  private final String hostId;
  private final IncidentSchedule schedule;
  private final LongSupplier nanoClock;
  private final LongConsumer pause;
  private final long startNanos;
  private final List<byte[]> retained = new ArrayList<>();
  private volatile long retainedBytes;
  private volatile boolean latencySpike;
  private volatile double cpuPercent;
  private long cpuSampleWallNanos = Long.MIN_VALUE;
  private long cpuSampleThreadNanos;
  private long busyChecksum;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /** Incidents of {@code hostId} on the real clock, starting now. */
  public HostIncidents(String hostId, IncidentSchedule schedule) {
    this(hostId, schedule, System::nanoTime, LockSupport::parkNanos);
  }

  /**
   * @param nanoClock monotonic nanoseconds (the schedule's clock)
   * @param pause pauses the game thread for the given nanoseconds (a slow tick)
   */
  HostIncidents(
      String hostId, IncidentSchedule schedule, LongSupplier nanoClock, LongConsumer pause) {
    this.hostId = hostId;
    this.schedule = schedule;
    this.nanoClock = nanoClock;
    this.pause = pause;
    this.startNanos = nanoClock.getAsLong();
  }

  @Override
  public void beforeTick() {
    long now = nanoClock.getAsLong();
    Set<IncidentKind> active = schedule.activeOn(hostId, Duration.ofNanos(now - startNanos));
    latencySpike = active.contains(IncidentKind.LATENCY_SPIKE);
    if (active.contains(IncidentKind.MEMORY_LEAK)) {
      if (retainedBytes + LEAK_CHUNK_BYTES <= LEAK_CAP_BYTES) {
        byte[] chunk = new byte[LEAK_CHUNK_BYTES];
        chunk[retained.size() % LEAK_CHUNK_BYTES] = 1; // touched, so it is really resident
        retained.add(chunk);
        retainedBytes += LEAK_CHUNK_BYTES;
      }
    } else if (!retained.isEmpty()) {
      retained.clear();
      retainedBytes = 0;
    }
    if (active.contains(IncidentKind.CPU_SATURATION)) {
      long until = now + BUSY_NANOS;
      long x = busyChecksum;
      while (nanoClock.getAsLong() < until) {
        for (int i = 0; i < 1000; i++) {
          x = x * 6364136223846793005L + 1442695040888963407L;
        }
      }
      busyChecksum = x;
    }
    if (active.contains(IncidentKind.FRAME_DROP_BURST)) {
      pause.accept(SLOW_TICK_NANOS);
    }
    sampleCpu(now);
  }

  @Override
  public long extraActionNanos() {
    return latencySpike ? EXTRA_ACTION_NANOS : 0L;
  }

  /** Bytes the leak currently retains (0 without a leak). Thread-safe. */
  public double retainedBytes() {
    return retainedBytes;
  }

  /** CPU time of the game thread over the last ~100 ms, in % of one core. Thread-safe. */
  public double gameThreadCpuPercent() {
    return cpuPercent;
  }

  /** Something derived from the busy work, so the JIT cannot drop it. */
  long busyChecksum() {
    return busyChecksum;
  }

  private void sampleCpu(long now) {
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      cpuPercent = Double.NaN;
      return;
    }
    if (cpuSampleWallNanos == Long.MIN_VALUE) {
      cpuSampleWallNanos = now;
      cpuSampleThreadNanos = threads.getCurrentThreadCpuTime();
      return;
    }
    long wall = now - cpuSampleWallNanos;
    if (wall >= CPU_SAMPLE_NANOS) {
      long cpu = threads.getCurrentThreadCpuTime();
      cpuPercent = 100.0 * (cpu - cpuSampleThreadNanos) / wall;
      cpuSampleWallNanos = now;
      cpuSampleThreadNanos = cpu;
    }
  }
}
