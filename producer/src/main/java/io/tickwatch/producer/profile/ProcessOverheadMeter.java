package io.tickwatch.producer.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The real {@link OverheadMeter}: process CPU time against a baseline, and tick-time impact.
 *
 * <p><b>CPU.</b> Each reading splits the process's CPU time since the previous reading into the
 * game's share (every Java thread except JFR's and the profiler's own) and the rest (JFR's Java
 * threads, the JVM's native threads, among them JFR's sampler, GC and JIT). While no session runs,
 * the rest's rate is averaged into a baseline (exponentially, weight {@value #BASELINE_WEIGHT});
 * while profiling, the overhead is the rest's rate above that baseline, in percent of one core. The
 * game's own load is excluded on purpose: a session is usually started because the game got slower
 * (an alert), and that must not read as profiling overhead. Before any baseline exists, the CPU of
 * JFR's and the profiler's Java threads alone is used.
 *
 * <p><b>Ticks.</b> The median tick duration since the previous reading (from the {@link TickLog})
 * is compared with its baseline the same way; the median ignores the lag spikes an incident brings.
 * A sustained load change during a session still reads as overhead, which only makes the guard more
 * careful.
 *
 * <p>One caller thread (the profiler's).
 */
public final class ProcessOverheadMeter implements OverheadMeter {
  static final double BASELINE_WEIGHT = 0.2;
  private static final int MAX_TICKS_PER_READING = 8192;
  private static final int MIN_TICKS_PER_READING = 20;

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final TickLog tickLog;
  private final long[] tickDurations = new long[MAX_TICKS_PER_READING];
  private Map<Long, long[]> lastThreadCpu = new HashMap<>();
  private long lastWallNanos = System.nanoTime();
  private long lastProcessCpu = os.getProcessCpuTime();
  private long tickCursor;
  private int tickCount;
  private double baselineRestCores = Double.NaN;
  private double baselineTickMedianNanos = Double.NaN;

  /**
   * @param tickLog the agent's tick log, or null to measure CPU only
   */
  public ProcessOverheadMeter(TickLog tickLog) {
    this.tickLog = tickLog;
    this.tickCursor = tickLog == null ? 0 : tickLog.nextSequence();
    readThreads(new long[2]);
  }

  @Override
  public OverheadReading read(boolean profiling) {
    long now = System.nanoTime();
    long processCpu = os.getProcessCpuTime();
    long[] gameAndOwn = new long[2];
    readThreads(gameAndOwn);
    double wall = Math.max(1, now - lastWallNanos);
    double restCores = Math.max(0, (processCpu - lastProcessCpu) - gameAndOwn[0]) / wall;
    double ownCores = gameAndOwn[1] / wall;
    lastWallNanos = now;
    lastProcessCpu = processCpu;
    double tickMedian = tickMedianNanos();
    if (!profiling) {
      baselineRestCores = ewma(baselineRestCores, restCores);
      if (!Double.isNaN(tickMedian)) {
        baselineTickMedianNanos = ewma(baselineTickMedianNanos, tickMedian);
      }
      return OverheadReading.NONE;
    }
    double cpu =
        Double.isNaN(baselineRestCores)
            ? 100.0 * ownCores
            : 100.0 * Math.max(0, restCores - baselineRestCores);
    double tick =
        Double.isNaN(tickMedian) || Double.isNaN(baselineTickMedianNanos)
            ? 0
            : Math.max(0, 100.0 * (tickMedian - baselineTickMedianNanos) / baselineTickMedianNanos);
    return new OverheadReading(cpu, tick);
  }

  private static double ewma(double average, double value) {
    return Double.isNaN(average) ? value : average + BASELINE_WEIGHT * (value - average);
  }

  /**
   * Adds the CPU since the last reading of game threads to [0] and of JFR/profiler ones to [1]. A
   * thread that ended since the last reading took its last CPU time with it; its share of the
   * process CPU is estimated from its previous window (else a game thread pool's churn would read
   * as profiling overhead).
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
