package io.tickwatch.streams.anomaly.rules;

import io.tickwatch.avro.RollingStats;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One validated detector rule: which detector judges which series of which hosts, with which
 * parameters, after how many windows it fires and clears, and how its score maps to a severity.
 * Build rules with {@link RuleParser} (which validates every field and lists every error); the
 * record itself only holds values.
 *
 * @param id stable rule id (the key on the rules topic; part of every event's fingerprint)
 * @param detector which detector
 * @param inputs input series by role ({@code value}; {@code denominator} for a ratio threshold;
 *     {@code cpu}, {@code latency}, {@code cacheMiss} for degradation)
 * @param scale multiplier of the judged value (after the ratio, if any): unit conversions, percent
 * @param hostPattern glob over host ids ({@code *} any run of characters, {@code ?} one)
 * @param cluster only hosts of this cluster, or null for any
 * @param labels the series must carry these labels (a subset match); empty for any
 * @param windowSizeMillis the rolling-statistics window size the rule reads (1000 = 1 s windows)
 * @param params detector parameters, every default filled in
 * @param forWindows consecutive alarming windows before the rule fires
 * @param clearWindows consecutive quiet windows before a firing rule resolves
 * @param severity score-to-severity mapping
 * @param enabled a disabled rule is kept (it overrides a default of the same id) but never runs
 * @param json the canonical JSON of the rule (its identity: a changed rule restarts its state)
 */
public record DetectorRule(
    String id,
    DetectorKind detector,
    Map<String, RuleInput> inputs,
    double scale,
    String hostPattern,
    String cluster,
    Map<String, String> labels,
    long windowSizeMillis,
    Map<String, Double> params,
    int forWindows,
    int clearWindows,
    SeverityMapping severity,
    boolean enabled,
    String json) {

  public DetectorRule {
    inputs = Map.copyOf(inputs);
    labels = Map.copyOf(labels);
    params = Map.copyOf(params);
  }

  /** A parameter (every parameter of the detector has a value after validation). */
  public double param(String name) {
    Double v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(id + ": no parameter " + name);
    }
    return v;
  }

  /** Whether the rule applies to the host and cluster of this record. */
  public boolean appliesToHost(String hostId, String recordCluster) {
    if (cluster != null && !cluster.equals(recordCluster)) {
      return false;
    }
    return glob(hostPattern).matcher(hostId).matches();
  }

  /** The role whose input this record is, or null (metric, window size and labels must match). */
  public String roleOf(RollingStats stats) {
    if (stats.getWindowSizeMillis() != windowSizeMillis) {
      return null;
    }
    for (Map.Entry<String, String> l : labels.entrySet()) {
      if (!l.getValue().equals(stats.getLabels().get(l.getKey()))) {
        return null;
      }
    }
    for (String role : detector.roles()) {
      RuleInput input = inputs.get(role);
      if (input != null && input.metric().equals(stats.getMetric())) {
        return role;
      }
    }
    return null;
  }

  /** The series named in events: the {@code value} input, else the {@code latency} input. */
  public String primaryMetric() {
    RuleInput value = inputs.get("value");
    return value != null ? value.metric() : inputs.get(detector.requiredRoles().get(1)).metric();
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> GLOBS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static Pattern glob(String pattern) {
    return GLOBS.computeIfAbsent(
        pattern,
        p -> {
          StringBuilder regex = new StringBuilder();
          for (char c : p.toCharArray()) {
            switch (c) {
              case '*' -> regex.append(".*");
              case '?' -> regex.append('.');
              default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
          }
          return Pattern.compile(regex.toString());
        });
  }
}
