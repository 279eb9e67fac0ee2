package io.tickwatch.streams.anomaly.rules;

import java.util.List;

/**
 * The rules that run when no rule file is given: the original design's static thresholds mapped
 * onto the agent's series, the original rolling z-score, the memory-leak trend on the heap and the
 * composite degradation score, plus the NAB ensemble on the tick-time p99. All on the final 1 s
 * host windows of {@code tickwatch.stats}.
 *
 * <table>
 *   <caption>original metric → series</caption>
 *   <tr><th>original</th><th>rule id</th><th>series and statistic</th></tr>
 *   <tr><td>CPU &gt; 80 %</td><td>cpu-high</td><td>{@code cpu.process.percent} mean</td></tr>
 *   <tr><td>memory &gt; 85 %</td><td>memory-high</td><td>{@code memory.used.percent} mean (the
 *       agent's working set over its cgroup's limit, else the host's (MemTotal − MemAvailable) /
 *       MemTotal; every Linux host)</td></tr>
 *   <tr><td>latency p99 &gt; 100 ms</td><td>latency-p99-high</td><td>{@code action.latency} p99,
 *       micros × 0.001, per action label</td></tr>
 *   <tr><td>frame-drop rate &gt; 5 %</td><td>frame-drop-rate-high</td><td>{@code frame.drops} /
 *       {@code tick.count} (rates) × 100</td></tr>
 *   <tr><td>cache-miss rate &gt; 10 %</td><td>cache-miss-high</td><td>{@code cache.miss.percent}
 *       mean (perf's cache-misses / cache-references; only on hosts whose perf counts hardware
 *       cache events, absent on most VMs and containers)</td></tr>
 * </table>
 */
public final class DefaultRules {

  /** The default rule file, JSON. */
  public static final String JSON =
      """
      {"rules": [
        {"id": "cpu-high", "detector": "threshold",
         "inputs": {"value": {"metric": "cpu.process.percent", "statistic": "mean"}},
         "params": {"limit": 80}, "for": 5, "clear": 5},
        {"id": "memory-high", "detector": "threshold",
         "inputs": {"value": {"metric": "memory.used.percent", "statistic": "mean"}},
         "params": {"limit": 85}, "for": 5, "clear": 5},
        {"id": "latency-p99-high", "detector": "threshold",
         "inputs": {"value": {"metric": "action.latency", "statistic": "p99"}},
         "scale": 0.001, "params": {"limit": 100}, "for": 3, "clear": 5},
        {"id": "frame-drop-rate-high", "detector": "threshold",
         "inputs": {"value": {"metric": "frame.drops", "statistic": "ratePerSecond"},
                    "denominator": {"metric": "tick.count", "statistic": "ratePerSecond"}},
         "scale": 100, "params": {"limit": 5}, "for": 3, "clear": 5},
        {"id": "cache-miss-high", "detector": "threshold",
         "inputs": {"value": {"metric": "cache.miss.percent", "statistic": "mean"}},
         "params": {"limit": 10}, "for": 5, "clear": 5},
        {"id": "tick-p99-zscore", "detector": "zscore",
         "inputs": {"value": {"metric": "tick.duration", "statistic": "p99"}},
         "params": {"window": 1000, "minPoints": 30, "sigmas": 3}, "for": 3, "clear": 10},
        {"id": "tick-p99-ensemble", "detector": "ensemble",
         "inputs": {"value": {"metric": "tick.duration", "statistic": "p99"}},
         "for": 1, "clear": 30},
        {"id": "heap-leak", "detector": "leak-trend",
         "inputs": {"value": {"metric": "heap.used.bytes", "statistic": "min"}},
         "params": {"windowSamples": 120, "minSamples": 30, "confidence": 0.99,
                    "capacity": 4294967296, "horizonSeconds": 3600}, "for": 10, "clear": 30},
        {"id": "degradation", "detector": "degradation",
         "inputs": {"cpu": {"metric": "cpu.process.percent", "statistic": "mean"},
                    "latency": {"metric": "tick.duration", "statistic": "p99"},
                    "cacheMiss": {"metric": "cache.misses.per.second", "statistic": "mean"}},
         "params": {"windowSamples": 100, "cpuWeight": 0.4, "latencyWeight": 0.4,
                    "cacheMissWeight": 0.2, "threshold": 0.2}, "for": 10, "clear": 10}
      ]}
      """;

  private static final List<DetectorRule> RULES = RuleParser.parseFile(JSON);

  private DefaultRules() {}

  /** The default rules, validated. */
  public static List<DetectorRule> rules() {
    return RULES;
  }
}
