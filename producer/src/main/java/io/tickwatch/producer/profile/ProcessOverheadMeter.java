package io.tickwatch.producer.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The real {@link OverheadMeter}: the CPU time profiling adds, measured directly, and the tick-time
 * impact.
 *
 * <p><b>CPU</b> (drives the guard). The CPU time of the threads profiling adds — JFR's native
 * sampler and recorder threads and its Java event-stream thread, the profiler's own threads — read
 * per thread from {@code /proc/self/task} ({@link ProfilerThreadsCpu}; elsewhere the Java ones
 * through {@code ThreadMXBean}), in percent of one core. A first version compared the process's CPU
 * outside the game threads with a baseline taken while not profiling; in the demo that read 13–22 %
 * during a memory-leak incident (the leak's GC work) and throttled the very session the incident
 * had triggered. Measuring the profiler's own threads is immune to that.
 *
 * <p><b>Tick time</b> (reported, does not drive the guard). The median tick duration since the
 * previous reading (from the {@link TickLog}) against a baseline averaged (weight {@value
 * #BASELINE_WEIGHT}) while not profiling. Sessions start because the game got slower, so this
 * mostly measures the incident: the demo read 270–320 % on a host with a frame-drop incident. It is
 * logged and kept in the reading for people, not used to throttle. What JFR costs a game thread
 * directly (a suspension per sample, microseconds) is the tick p50 change that {@code ./tickwatch
 * bench profiler} measures (docs/PERFORMANCE.md).
 *
 * <p>One caller thread (the profiler's).
 */
public final class ProcessOverheadMeter implements OverheadMeter {
  static final double BASELINE_WEIGHT = 0.2;
  private static final int MAX_TICKS_PER_READING = 8192;
  private static final int MIN_TICKS_PER_READING = 20;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final TickLog tickLog;
  private final long[] tickDurations = new long[MAX_TICKS_PER_READING];
  private Map<Long, long[]> lastThreadCpu = new HashMap<>();
  private long lastWallNanos = System.nanoTime();
  private long tickCursor;
  private int tickCount;
  private final ProfilerThreadsCpu procThreads =
      ProfilerThreadsCpu.available() ? new ProfilerThreadsCpu() : null;
  private double baselineTickMedianNanos = Double.NaN;

  /**
   * @param tickLog the agent's tick log, or null to measure CPU only
   */
  public ProcessOverheadMeter(TickLog tickLog) {
    this.tickLog = tickLog;
    this.tickCursor = tickLog == null ? 0 : tickLog.nextSequence();
    profilerCpuNanosSinceLastCall();
  }

  @Override
  public OverheadReading read(boolean profiling) {
    long now = System.nanoTime();
    double wall = Math.max(1, now - lastWallNanos);
    double profilerCores = profilerCpuNanosSinceLastCall() / wall;
    lastWallNanos = now;
    double tickMedian = tickMedianNanos();
    if (!profiling) {
      if (!Double.isNaN(tickMedian)) {
        baselineTickMedianNanos = ewma(baselineTickMedianNanos, tickMedian);
      }
      return OverheadReading.NONE;
    }
    double cpu = 100.0 * profilerCores;
    double tick =
        Double.isNaN(tickMedian) || Double.isNaN(baselineTickMedianNanos)
            ? 0
            : Math.max(0, 100.0 * (tickMedian - baselineTickMedianNanos) / baselineTickMedianNanos);
    return new OverheadReading(cpu, tick);
  }

  /** From /proc on Linux (native JFR threads included), else the Java threads only. */
  private long profilerCpuNanosSinceLastCall() {
    if (procThreads != null) {
      return procThreads.cpuNanosSinceLastCall();
    }
    long[] gameAndOwn = new long[2];
    readThreads(gameAndOwn);
    return gameAndOwn[1];
  }

  private static double ewma(double average, double value) {
    return Double.isNaN(average) ? value : average + BASELINE_WEIGHT * (value - average);
  }

  /**
   * Adds the CPU since the last reading of other Java threads to [0] and of JFR/profiler ones to
   * [1]; a thread that ended since the last reading counts with its previous window's CPU.
   */
  private void readThreads(long[] gameAndOwn) {
    long[] ids = threads.getAllThreadIds();
    long[] cpu = threads.getThreadCpuTime(ids);
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    Map<Long, long[]> now = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (cpu[i] < 0 || infos[i] == null) {
        continue;
      }
      long[] before = lastThreadCpu.remove(ids[i]);
      long delta = Math.max(0, cpu[i] - (before == null ? 0 : before[0]));
      boolean own = isProfilerThread(infos[i].getThreadName());
      now.put(ids[i], new long[] {cpu[i], delta, own ? 1 : 0});
      gameAndOwn[own ? 1 : 0] += delta;
    }
    for (long[] ended : lastThreadCpu.values()) {
      gameAndOwn[(int) ended[2]] += ended[1];
    }
    lastThreadCpu = now;
  }

  static boolean isProfilerThread(String name) {
    return name.startsWith("JFR ") || name.startsWith(ProfilerManager.THREAD_NAME);
  }

  private double tickMedianNanos() {
    if (tickLog == null) {
      return Double.NaN;
    }
    tickCount = 0;
    tickCursor =
        tickLog.readFrom(
            tickCursor,
            (thread, start, end) -> {
              if (tickCount < tickDurations.length) {
                tickDurations[tickCount++] = end - start;
              }
            });
    if (tickCount < MIN_TICKS_PER_READING) {
      return Double.NaN; // too few ticks for a meaningful median
    }
    Arrays.sort(tickDurations, 0, tickCount);
    return tickDurations[tickCount / 2];
  }
}
