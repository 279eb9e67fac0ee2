package io.tickwatch.cli.sink.influx;

import io.tickwatch.avro.RollingStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Maps one {@link RollingStats} record to one {@link InfluxPoint}.
 *
 * <ul>
 *   <li>measurement: the configured one (default {@value #DEFAULT_MEASUREMENT})
 *   <li>tags: {@code metric}, {@code host} (absent for fleet-wide records), {@code scope} ({@code
 *       host} or {@code fleet}), {@code cluster} (absent when empty), {@code window} ({@code 1s},
 *       {@code 10s}, {@code 1m}, {@code 1h}, else milliseconds with {@code ms}), then every series
 *       label; a label whose name is one of these reserved tags is written as {@code label_<name>}
 *   <li>integer fields: {@code count}, {@code host_count}; float fields: {@code sum}, {@code mean},
 *       {@code min}, {@code max}, {@code stddev}, {@code rate_per_second}, {@code p50}, {@code
 *       p95}, {@code p99}, {@code p999} (NaN ones are left out, see {@link LineProtocol})
 *   <li>time: {@code windowStartMillis} (milliseconds)
 * </ul>
 *
 * Values keep the metric's unit (the suffix of its name, e.g. micros for {@code tick.duration}).
 */
public final class RollingStatsPoints {

  public static final String DEFAULT_MEASUREMENT = "tickwatch_stats";

  static final Set<String> RESERVED_TAGS = Set.of("metric", "host", "scope", "cluster", "window");

  private RollingStatsPoints() {}

  public static InfluxPoint toPoint(String measurement, RollingStats stats) {
    SortedMap<String, String> tags = new TreeMap<>();
    stats
        .getLabels()
        .forEach(
            (k, v) -> {
              String key = k.toString();
              tags.put(RESERVED_TAGS.contains(key) ? "label_" + key : key, v.toString());
            });
    tags.put("metric", stats.getMetric());
    boolean fleet = stats.getHostId() == null;
    if (!fleet) {
      tags.put("host", stats.getHostId());
    }
    tags.put("scope", fleet ? "fleet" : "host");
    tags.put("cluster", stats.getCluster());
    tags.put("window", windowName(stats.getWindowSizeMillis()));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("count", stats.getCount());
    fields.put("host_count", (long) stats.getHostCount());
    fields.put("sum", stats.getSum());
    fields.put("mean", stats.getMean());
    fields.put("min", stats.getMin());
    fields.put("max", stats.getMax());
    fields.put("stddev", stats.getStddev());
    fields.put("rate_per_second", stats.getRatePerSecond());
    fields.put("p50", stats.getP50());
    fields.put("p95", stats.getP95());
    fields.put("p99", stats.getP99());
    fields.put("p999", stats.getP999());
    return new InfluxPoint(measurement, tags, fields, stats.getWindowStartMillis().toEpochMilli());
  }

  /** {@code 1s}, {@code 10s}, {@code 1m}, {@code 1h}, or {@code <n>ms} for other sizes. */
  static String windowName(long sizeMillis) {
    if (sizeMillis > 0 && sizeMillis % 3_600_000 == 0) {
      return sizeMillis / 3_600_000 + "h";
    }
    if (sizeMillis > 0 && sizeMillis % 60_000 == 0) {
      return sizeMillis / 60_000 + "m";
    }
    if (sizeMillis > 0 && sizeMillis % 1000 == 0) {
      return sizeMillis / 1000 + "s";
    }
    return sizeMillis + "ms";
  }
}
