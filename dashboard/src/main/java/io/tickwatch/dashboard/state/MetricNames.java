package io.tickwatch.dashboard.state;

/** The standard metric names the overview cards are built from (docs/topics.md). */
public final class MetricNames {
  public static final String CPU_PROCESS = "cpu.process.percent";
  public static final String MEMORY_USED_PERCENT = "memory.used.percent";
  public static final String MEMORY_RSS = "memory.rss.bytes";
  public static final String RSS = "rss.bytes";
  public static final String MEMORY_AVAILABLE = "memory.available.bytes";
  public static final String PLAYERS = "players.active";
  public static final String TICK_DURATION = "tick.duration";
  public static final String ACTION_LATENCY = "action.latency";
  public static final String FRAME_DROPS = "frame.drops";

  private MetricNames() {}
}
