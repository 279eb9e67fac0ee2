package io.tickwatch.streams.anomaly;

import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.anomaly.rules.DefaultRules;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import io.tickwatch.streams.anomaly.rules.RuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Configuration of the anomaly topology. Build it with {@link #defaults()}, {@link #from(Function)}
 * (a key lookup: environment, properties, CLI options) or the record constructor; every variant
 * validates all fields at once and reports every error in one exception.
 *
 * @param statsTopic input: final rolling statistics ({@code tickwatch.stats})
 * @param anomaliesTopic output: anomaly events ({@code tickwatch.anomalies})
 * @param rulesTopic run-time rule overrides, compacted, JSON values ({@code
 *     tickwatch.anomaly-rules})
 * @param deadLetterTopic rejected rules and failed records ({@code tickwatch.dead-letter})
 * @param rules the base rules (defaults, or a rule file); rules on the topic override them by id
 */
public record AnomalyConfig(
    String statsTopic,
    String anomaliesTopic,
    String rulesTopic,
    String deadLetterTopic,
    List<DetectorRule> rules) {

  /** Prefix of every lookup key. */
  public static final String PREFIX = "tickwatch.anomaly.";

  public static final String STATS_TOPIC = PREFIX + "stats-topic";
  public static final String ANOMALIES_TOPIC = PREFIX + "output-topic";
  public static final String RULES_TOPIC = PREFIX + "rules-topic";
  public static final String DEAD_LETTER_TOPIC = PREFIX + "dead-letter-topic";

  /** A JSON rule file replacing the default rules (all valid, or start-up fails). */
  public static final String RULES_FILE = PREFIX + "rules-file";

  public AnomalyConfig {
    rules = rules == null ? null : List.copyOf(rules);
    List<String> errors = new ArrayList<>();
    topic(STATS_TOPIC, statsTopic, errors);
    topic(ANOMALIES_TOPIC, anomaliesTopic, errors);
    topic(RULES_TOPIC, rulesTopic, errors);
    topic(DEAD_LETTER_TOPIC, deadLetterTopic, errors);
    if (rules == null) {
      errors.add("rules: required (may be empty)");
    } else {
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (DetectorRule r : rules) {
        if (!ids.add(r.id())) {
          errors.add("rules: duplicate id '" + r.id() + "'");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid anomaly configuration: " + String.join("; ", errors));
    }
  }

  /** The catalogue topics and {@link DefaultRules}. */
  public static AnomalyConfig defaults() {
    return from(key -> null);
  }

  /** This configuration with other base rules. */
  public AnomalyConfig withRules(List<DetectorRule> newRules) {
    return new AnomalyConfig(statsTopic, anomaliesTopic, rulesTopic, deadLetterTopic, newRules);
  }

  /**
   * Reads the configuration from a key lookup ({@link #PREFIX}{@code ...} keys; a missing key takes
   * the default).
   *
   * @throws IllegalArgumentException listing every invalid value, including every error of every
   *     rule in the rule file
   */
  public static AnomalyConfig from(Function<String, String> lookup) {
    List<String> errors = new ArrayList<>();
    List<DetectorRule> rules = DefaultRules.rules();
    String file = lookup.apply(RULES_FILE);
    if (file != null && !file.isBlank()) {
      try {
        rules = RuleParser.parseFile(Files.readString(Path.of(file.trim())));
      } catch (IOException e) {
        errors.add(RULES_FILE + ": cannot read '" + file + "': " + e.getMessage());
      } catch (IllegalArgumentException e) {
        errors.add(RULES_FILE + " '" + file + "': " + e.getMessage());
      }
    }
    String stats = string(lookup, STATS_TOPIC, Topics.STATS.name());
    String anomalies = string(lookup, ANOMALIES_TOPIC, Topics.ANOMALIES.name());
    String rulesTopic = string(lookup, RULES_TOPIC, Topics.ANOMALY_RULES.name());
    String deadLetter = string(lookup, DEAD_LETTER_TOPIC, Topics.DEAD_LETTER.name());
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid anomaly configuration: " + String.join("; ", errors));
    }
    return new AnomalyConfig(stats, anomalies, rulesTopic, deadLetter, rules);
  }

  private static void topic(String key, String name, List<String> errors) {
    if (name == null || name.isBlank()) {
      errors.add(key + ": a topic name is required");
    } else if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
      errors.add(key + ": '" + name + "' is not a legal Kafka topic name");
    }
  }

  private static String string(Function<String, String> lookup, String key, String fallback) {
    String value = lookup.apply(key);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
