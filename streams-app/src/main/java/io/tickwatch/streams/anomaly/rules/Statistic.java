package io.tickwatch.streams.anomaly.rules;

import io.tickwatch.avro.RollingStats;
import java.util.Locale;

/** Which number of a {@link RollingStats} record a rule judges. JSON names are camel case. */
public enum Statistic {
  MEAN("mean"),
  MIN("min"),
  MAX("max"),
  P50("p50"),
  P95("p95"),
  P99("p99"),
  P999("p999"),
  RATE_PER_SECOND("ratePerSecond"),
  COUNT("count"),
  SUM("sum"),
  STDDEV("stddev");

  private final String jsonName;

  Statistic(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in rule JSON. */
  public String jsonName() {
    return jsonName;
  }

  /** The statistic with this JSON name (case-insensitive), or null. */
  public static Statistic byJsonName(String name) {
    for (Statistic s : values()) {
      if (s.jsonName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    return null;
  }

  /**
   * The statistic's value in {@code stats}, in the metric's unit (NaN when the window is empty).
   */
  public double of(RollingStats stats) {
    return switch (this) {
      case MEAN -> stats.getMean();
      case MIN -> stats.getMin();
      case MAX -> stats.getMax();
      case P50 -> stats.getP50();
      case P95 -> stats.getP95();
      case P99 -> stats.getP99();
      case P999 -> stats.getP999();
      case RATE_PER_SECOND -> stats.getRatePerSecond();
      case COUNT -> stats.getCount();
      case SUM -> stats.getSum();
      case STDDEV -> stats.getStddev();
    };
  }
}
