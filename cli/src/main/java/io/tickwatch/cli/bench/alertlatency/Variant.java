package io.tickwatch.cli.bench.alertlatency;

import io.tickwatch.streams.anomaly.rules.DefaultRules;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import io.tickwatch.streams.anomaly.rules.RuleParser;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one benchmark run uses.
 *
 * @param name {@code default}, {@code default-for1} or {@code fast}
 * @param grace rolling-statistics grace ({@code tickwatch.stats.grace})
 * @param anomalyCommitInterval the anomaly application's {@code commit.interval.ms}; empty keeps
 *     the topology's recommendation (1 s)
 * @param groupWait {@code alerting.group-wait}; empty keeps the service's default (1 s)
 * @param ruleFor {@code for} of the {@code latency-p99-high} rule (the default rules say 3)
 */
public record Variant(
    String name,
    Duration grace,
    Optional<Duration> anomalyCommitInterval,
    Optional<Duration> groupWait,
    int ruleFor) {

  /** The rule the injected incidents trip. */
  public static final String RULE_ID = "latency-p99-high";

  /** Every setting at its documented default. */
  public static final Variant DEFAULT =
      new Variant("default", Duration.ofSeconds(2), Optional.empty(), Optional.empty(), 3);

  /**
   * Every setting at its default but the latency rule's {@code for} (1 window instead of 3): the
   * default pipeline with a minimal rule that fires on the first anomalous window.
   */
  public static final Variant DEFAULT_FOR1 =
      new Variant("default-for1", Duration.ofSeconds(2), Optional.empty(), Optional.empty(), 1);

  /**
   * The documented latency knobs turned down: grace 200 ms, anomaly commit interval 100 ms, group
   * wait 0 s, {@code for: 1} on the latency rule.
   */
  public static final Variant FAST =
      new Variant(
          "fast",
          Duration.ofMillis(200),
          Optional.of(Duration.ofMillis(100)),
          Optional.of(Duration.ZERO),
          1);

  /** Parses {@code default}, {@code default-for1}, {@code fast}, {@code both} or {@code all}. */
  public static List<Variant> parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "default" -> List.of(DEFAULT);
      case "default-for1" -> List.of(DEFAULT_FOR1);
      case "fast" -> List.of(FAST);
      case "both" -> List.of(DEFAULT, FAST);
      case "all" -> List.of(DEFAULT, DEFAULT_FOR1, FAST);
      default ->
          throw new IllegalArgumentException(
              "--variant must be default, default-for1, fast, both or all, not '" + text + "'");
    };
  }

  /** The default rules with {@link #RULE_ID}'s {@code for} set to {@link #ruleFor}. */
  public List<DetectorRule> rules() {
    List<DetectorRule> rules = new ArrayList<>();
    for (DetectorRule rule : DefaultRules.rules()) {
      if (!rule.id().equals(RULE_ID)) {
        rules.add(rule);
      }
    }
    rules.addAll(
        RuleParser.parseFile(
            String.format(
                Locale.ROOT,
                """
                {"rules": [{"id": "%s", "detector": "threshold",
                  "inputs": {"value": {"metric": "action.latency", "statistic": "p99"}},
                  "scale": 0.001, "params": {"limit": 100}, "for": %d, "clear": 5}]}
                """,
                RULE_ID,
                ruleFor)));
    return rules;
  }

  /** Rolling-statistics keys of this variant. */
  public Map<String, String> statsSettings() {
    return Map.of(RollingStatsConfig.GRACE, grace.toMillis() + "ms");
  }

  /** How long an injected anomaly lasts: enough whole windows for the rule to fire. */
  public Duration anomalyDuration() {
    return Duration.ofSeconds(ruleFor + 1L);
  }

  /** One line describing the settings. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "stats grace %d ms, anomaly commit interval %s, alerting group wait %s, %s for: %d",
        grace.toMillis(),
        anomalyCommitInterval.map(d -> d.toMillis() + " ms").orElse("1000 ms (default)"),
        groupWait.map(d -> d.toMillis() + " ms").orElse("1000 ms (default)"),
        RULE_ID,
        ruleFor);
  }
}
