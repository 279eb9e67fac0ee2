package io.tickwatch.stats.anomaly;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Static limits per metric, with optional overrides per host group. Defaults are the original
 * design's: CPU above 80 %, memory above 85 %, latency p99 above 100 ms, frame-drop rate above 5 %,
 * cache-miss rate above 10 %. Immutable; build variants with {@link #withLimit}.
 */
public final class StaticThresholds {

  /** The metrics with a static limit, each with its unit in the name. */
  public enum Metric {
    CPU_PERCENT(80.0),
    MEMORY_PERCENT(85.0),
    LATENCY_P99_MILLIS(100.0),
    FRAME_DROP_PERCENT(5.0),
    CACHE_MISS_PERCENT(10.0);

    private final double defaultLimit;

    Metric(double defaultLimit) {
      this.defaultLimit = defaultLimit;
    }

    /** The original design's limit. */
    public double defaultLimit() {
      return defaultLimit;
    }
  }

  private final Map<Metric, Double> defaults;
  private final Map<String, Map<Metric, Double>> byHostGroup;

  private StaticThresholds(Map<Metric, Double> defaults, Map<String, Map<Metric, Double>> groups) {
    this.defaults = defaults;
    this.byHostGroup = groups;
  }

  /** The original design's limits for every host group. */
  public static StaticThresholds defaults() {
    Map<Metric, Double> map = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      map.put(m, m.defaultLimit());
    }
    return new StaticThresholds(map, Map.of());
  }

  /**
   * A copy with {@code limit} for {@code metric}, for all host groups when {@code hostGroup} is
   * null, else only for that group.
   */
  public StaticThresholds withLimit(Metric metric, String hostGroup, double limit) {
    if (!Double.isFinite(limit)) {
      throw new IllegalArgumentException("limit must be finite: " + metric);
    }
    Map<Metric, Double> newDefaults = new EnumMap<>(defaults);
    Map<String, Map<Metric, Double>> newGroups = new HashMap<>();
    byHostGroup.forEach((g, m) -> newGroups.put(g, new EnumMap<>(m)));
    if (hostGroup == null) {
      newDefaults.put(metric, limit);
    } else {
      newGroups.computeIfAbsent(hostGroup, g -> new EnumMap<>(Metric.class)).put(metric, limit);
    }
    return new StaticThresholds(newDefaults, newGroups);
  }

  /** The limit for {@code metric} on hosts of {@code hostGroup} (null for no group). */
  public double limit(Metric metric, String hostGroup) {
    Map<Metric, Double> group = hostGroup == null ? null : byHostGroup.get(hostGroup);
    if (group != null && group.containsKey(metric)) {
      return group.get(metric);
    }
    return defaults.get(metric);
  }

  /** A detector for {@code metric} on hosts of {@code hostGroup}. */
  public AnomalyDetectorFactory factory(Metric metric, String hostGroup) {
    double limit = limit(metric, hostGroup);
    return () -> new StaticThresholdDetector(limit);
  }
}
