package io.tickwatch.cli.demo.incidents;

import io.tickwatch.streams.anomaly.rules.DefaultRules;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import io.tickwatch.streams.anomaly.rules.RuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The anomaly rules of the demo: the default rules without the ones that judge process- or
 * machine-level series ({@code cpu.process.percent}, {@code heap.used.bytes}, {@code
 * memory.used.percent}, {@code cache.miss.percent}: every demo host is the same JVM on the same
 * machine, so a leak, a busy thread or a full machine shows on all of them) and without the
 * ensemble (it needs far more history than a 90 s demo has), plus two per-host equivalents fed by
 * the gauges of {@link HostIncidents}: game-thread CPU above 80 % of a core, and a leak trend of
 * the world's retained bytes (capacity 128 MiB).
 */
public final class DemoIncidentRules {

  /** Default rules the demo leaves out. */
  public static final Set<String> LEFT_OUT =
      Set.of(
          "cpu-high",
          "memory-high",
          "cache-miss-high",
          "heap-leak",
          "degradation",
          "tick-p99-ensemble",
          "tick-p99-zscore");

  /** Per-host gauge of the game thread's CPU, % of one core. */
  public static final String GAME_CPU_METRIC = "game.thread.cpu.percent";

  /** Per-host gauge of the bytes a memory-leak incident retains. */
  public static final String RETAINED_METRIC = "world.retained.bytes";

  /** The demo's own rules, JSON (the rule-file format). */
  public static final String JSON =
      """
      [
        {"id": "demo-game-cpu-high", "detector": "threshold",
         "inputs": {"value": {"metric": "game.thread.cpu.percent", "statistic": "mean"}},
         "params": {"limit": 60}, "for": 5, "clear": 5},
        {"id": "demo-world-leak", "detector": "leak-trend",
         "inputs": {"value": {"metric": "world.retained.bytes", "statistic": "max"}},
         "params": {"windowSamples": 60, "minSamples": 10, "confidence": 0.99,
                    "capacity": 134217728, "horizonSeconds": 3600}, "for": 5, "clear": 10}
      ]
      """;

  private DemoIncidentRules() {}

  /**
   * Every rule the demo's anomaly topology should run (pass to {@code AnomalyConfig.withRules}).
   */
  public static List<DetectorRule> rules() {
    List<DetectorRule> rules = new ArrayList<>();
    for (DetectorRule r : DefaultRules.rules()) {
      if (!LEFT_OUT.contains(r.id())) {
        rules.add(r);
      }
    }
    rules.addAll(RuleParser.parseFile(JSON));
    return List.copyOf(rules);
  }
}
