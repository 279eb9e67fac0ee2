package io.tickwatch.streams.anomaly.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.avro.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parses and validates detector rules from JSON: one rule (a value of the rules topic) or a rule
 * file (an array of rules, or an object with a {@code rules} array). Every problem is collected; an
 * invalid rule is rejected as a whole ({@link RuleValidationException} lists all errors), a rule
 * file with any invalid rule is rejected as a whole. Thread-safe.
 *
 * <pre>{@code
 * {"id": "frame-drop-rate", "detector": "threshold",
 *  "inputs": {"value": {"metric": "frame.drops", "statistic": "ratePerSecond"},
 *             "denominator": {"metric": "tick.count", "statistic": "ratePerSecond"}},
 *  "scale": 100, "params": {"limit": 5}, "window": "1s", "for": 3, "clear": 5,
 *  "hosts": "*", "cluster": null, "labels": {}, "severity": {"critical": 0.75, "emergency": 0.9},
 *  "enabled": true}
 * }</pre>
 */
public final class RuleParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "detector",
          "inputs",
          "scale",
          "hosts",
          "cluster",
          "labels",
          "window",
          "params",
          "for",
          "clear",
          "severity",
          "enabled",
          "description");
  private static final String ID_PATTERN = "[A-Za-z0-9._-]{1,100}";

  private RuleParser() {}

  /**
   * One rule from JSON text.
   *
   * @param expectedId the record key the rule arrived under, or null (a file): the rule's id must
   *     equal it
   * @throws RuleValidationException listing every problem
   */
  public static DetectorRule parseRule(String json, String expectedId) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new RuleValidationException(
          "rule " + (expectedId == null ? "" : "'" + expectedId + "' ") + "is not JSON",
          List.of(e.getOriginalMessage()));
    }
    List<String> errors = new ArrayList<>();
    DetectorRule rule = parse(node, expectedId, errors);
    if (!errors.isEmpty()) {
      throw new RuleValidationException(
          "invalid rule" + (expectedId == null ? "" : " '" + expectedId + "'"), errors);
    }
    return rule;
  }

  /**
   * Every rule of a rule file (a JSON array, or an object with a {@code rules} array).
   *
   * @throws RuleValidationException listing every problem of every rule, prefixed with the rule's
   *     position and id; duplicate ids are errors
   */
  public static List<DetectorRule> parseFile(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new RuleValidationException("rule file is not JSON", List.of(e.getOriginalMessage()));
    }
    JsonNode array = root != null && root.isObject() ? root.get("rules") : root;
    if (array == null || !array.isArray()) {
      throw new RuleValidationException(
          "invalid rule file", List.of("expected a JSON array of rules or {\"rules\": [...]}"));
    }
    List<String> errors = new ArrayList<>();
    List<DetectorRule> rules = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode node = array.get(i);
      List<String> ruleErrors = new ArrayList<>();
      DetectorRule rule = parse(node, null, ruleErrors);
      String label =
          "rules["
              + i
              + "]"
              + (node != null && node.path("id").isTextual()
                  ? " (" + node.get("id").asText() + ")"
                  : "");
      for (String e : ruleErrors) {
        errors.add(label + ": " + e);
      }
      if (rule != null) {
        if (!ids.add(rule.id())) {
          errors.add(label + ": duplicate id '" + rule.id() + "'");
        }
        rules.add(rule);
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleValidationException("invalid rule file", errors);
    }
    return List.copyOf(rules);
  }

  /** Parses one rule node; returns null when errors were added. */
  private static DetectorRule parse(JsonNode node, String expectedId, List<String> errors) {
    int before = errors.size();
    if (node == null || !node.isObject()) {
      errors.add("a rule must be a JSON object");
      return null;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        errors.add(
            "unknown field '" + field + "' (known: " + new java.util.TreeSet<>(FIELDS) + ")");
      }
    }
    String id = text(node, "id", null, errors);
    if (id == null) {
      errors.add("id is required");
    } else if (!id.matches(ID_PATTERN)) {
      errors.add("id '" + id + "' must match " + ID_PATTERN);
    } else if (expectedId != null && !expectedId.equals(id)) {
      errors.add("id '" + id + "' differs from the record key '" + expectedId + "'");
    }
    String detectorName = text(node, "detector", null, errors);
    DetectorKind kind = null;
    if (detectorName == null) {
      errors.add("detector is required");
    } else {
      kind = DetectorKind.byJsonName(detectorName);
      if (kind == null) {
        List<String> names = new ArrayList<>();
        for (DetectorKind k : DetectorKind.values()) {
          names.add(k.jsonName());
        }
        errors.add("unknown detector '" + detectorName + "' (known: " + names + ")");
      }
    }
    Map<String, RuleInput> inputs = inputs(node.get("inputs"), kind, errors);
    double scale = number(node, "scale", 1.0, errors);
    if (!Double.isFinite(scale) || scale == 0) {
      errors.add("scale must be a finite non-zero number, was " + scale);
    }
    String hosts = text(node, "hosts", "*", errors);
    if (hosts != null && hosts.isBlank()) {
      errors.add("hosts must not be blank (use \"*\" for every host)");
    }
    String cluster = text(node, "cluster", null, errors);
    Map<String, String> labels = labels(node.get("labels"), errors);
    long windowMillis = window(node.get("window"), errors);
    Map<String, Double> params = params(node.get("params"), kind, errors);
    int forWindows = positiveInt(node, "for", 1, errors);
    if (kind != null && kind.alarmsOncePerEvent() && forWindows > 1) {
      errors.add(
          "for must be 1 with detector "
              + kind.jsonName()
              + ": it scores one alarm per event and damps the windows after it, so "
              + forWindows
              + " anomalous windows in a row never happen");
    }
    int clearWindows = positiveInt(node, "clear", 1, errors);
    SeverityMapping severity = severity(node.get("severity"), errors);
    boolean enabled = true;
    JsonNode enabledNode = node.get("enabled");
    if (enabledNode != null && !enabledNode.isNull()) {
      if (!enabledNode.isBoolean()) {
        errors.add("enabled must be true or false");
      } else {
        enabled = enabledNode.booleanValue();
      }
    }
    if (errors.size() > before) {
      return null;
    }
    String canonical =
        canonical(
            id,
            kind,
            inputs,
            scale,
            hosts,
            cluster,
            labels,
            windowMillis,
            params,
            forWindows,
            clearWindows,
            severity,
            enabled);
    return new DetectorRule(
        id,
        kind,
        inputs,
        scale,
        hosts,
        cluster,
        labels,
        windowMillis,
        params,
        forWindows,
        clearWindows,
        severity,
        enabled,
        canonical);
  }

  private static Map<String, RuleInput> inputs(
      JsonNode node, DetectorKind kind, List<String> errors) {
    Map<String, RuleInput> inputs = new LinkedHashMap<>();
    if (node == null || !node.isObject()) {
      errors.add("inputs is required: an object of role -> {\"metric\": ..., \"statistic\": ...}");
      return inputs;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String role = e.getKey();
      if (kind != null && !kind.roles().contains(role)) {
        errors.add(
            "input role '"
                + role
                + "' is not used by "
                + kind.jsonName()
                + " (roles: "
                + kind.roles()
                + ")");
        continue;
      }
      JsonNode in = e.getValue();
      if (!in.isObject()) {
        errors.add("inputs." + role + " must be an object");
        continue;
      }
      String metric = in.path("metric").isTextual() ? in.get("metric").asText() : null;
      if (metric == null || metric.isBlank()) {
        errors.add("inputs." + role + ".metric is required");
      }
      String statName = in.path("statistic").isTextual() ? in.get("statistic").asText() : "mean";
      Statistic statistic = Statistic.byJsonName(statName);
      if (statistic == null) {
        List<String> names = new ArrayList<>();
        for (Statistic s : Statistic.values()) {
          names.add(s.jsonName());
        }
        errors.add(
            "inputs." + role + ".statistic '" + statName + "' is unknown (known: " + names + ")");
      }
      for (Iterator<String> f = in.fieldNames(); f.hasNext(); ) {
        String field = f.next();
        if (!field.equals("metric") && !field.equals("statistic")) {
          errors.add("inputs." + role + ": unknown field '" + field + "'");
        }
      }
      if (metric != null && !metric.isBlank() && statistic != null) {
        inputs.put(role, new RuleInput(metric, statistic));
      }
    }
    if (kind != null) {
      for (String role : kind.requiredRoles()) {
        if (!node.has(role)) {
          errors.add("inputs." + role + " is required by " + kind.jsonName());
        }
      }
    }
    return inputs;
  }

  private static Map<String, Double> params(JsonNode node, DetectorKind kind, List<String> errors) {
    Map<String, Double> params = new TreeMap<>();
    if (node != null && !node.isNull() && !node.isObject()) {
      errors.add("params must be an object of numbers");
      return params;
    }
    if (node != null && node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        DetectorKind.Param spec = kind == null ? null : kind.params().get(e.getKey());
        if (kind != null && spec == null) {
          errors.add(
              "params."
                  + e.getKey()
                  + " is not a parameter of "
                  + kind.jsonName()
                  + " (known: "
                  + kind.params().keySet()
                  + ")");
          continue;
        }
        if (!e.getValue().isNumber()) {
          errors.add("params." + e.getKey() + " must be a number");
          continue;
        }
        double v = e.getValue().doubleValue();
        if (spec != null) {
          if (!(v >= spec.min() && v <= spec.max()) || !Double.isFinite(v)) {
            errors.add(
                "params."
                    + e.getKey()
                    + " must be in ["
                    + spec.min()
                    + ", "
                    + spec.max()
                    + "], was "
                    + v);
          } else if (spec.integral() && v != Math.rint(v)) {
            errors.add("params." + e.getKey() + " must be a whole number, was " + v);
          }
        }
        params.put(e.getKey(), v);
      }
    }
    if (kind != null) {
      for (DetectorKind.Param spec : kind.params().values()) {
        if (!params.containsKey(spec.name())) {
          if (spec.defaultValue() == null) {
            errors.add("params." + spec.name() + " is required by " + kind.jsonName());
          } else {
            params.put(spec.name(), spec.defaultValue());
          }
        }
      }
      if (kind == DetectorKind.ZSCORE
          && params.getOrDefault("minPoints", 0.0) > params.getOrDefault("window", 0.0)) {
        errors.add("params.minPoints must not exceed params.window");
      }
      if (kind == DetectorKind.LEAK_TREND
          && params.getOrDefault("minSamples", 0.0) > params.getOrDefault("windowSamples", 0.0)) {
        errors.add("params.minSamples must not exceed params.windowSamples");
      }
    }
    return params;
  }

  private static Map<String, String> labels(JsonNode node, List<String> errors) {
    Map<String, String> labels = new TreeMap<>();
    if (node == null || node.isNull()) {
      return labels;
    }
    if (!node.isObject()) {
      errors.add("labels must be an object of strings");
      return labels;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        errors.add("labels." + e.getKey() + " must be a string");
      } else {
        labels.put(e.getKey(), e.getValue().asText());
      }
    }
    return labels;
  }

  private static long window(JsonNode node, List<String> errors) {
    if (node == null || node.isNull()) {
      return 1000L;
    }
    if (node.isIntegralNumber() && node.longValue() > 0) {
      return node.longValue();
    }
    if (node.isTextual()) {
      String t = node.asText().trim().toLowerCase(Locale.ROOT);
      try {
        long millis;
        if (t.endsWith("ms")) {
          millis = Long.parseLong(t.substring(0, t.length() - 2));
        } else if (t.endsWith("s")) {
          millis = Long.parseLong(t.substring(0, t.length() - 1)) * 1000;
        } else if (t.endsWith("m")) {
          millis = Long.parseLong(t.substring(0, t.length() - 1)) * 60_000;
        } else if (t.endsWith("h")) {
          millis = Long.parseLong(t.substring(0, t.length() - 1)) * 3_600_000;
        } else {
          millis = -1;
        }
        if (millis > 0) {
          return millis;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    errors.add(
        "window must be a positive duration (1s, 10s, 1m, 1h, or milliseconds), was " + node);
    return 1000L;
  }

  private static SeverityMapping severity(JsonNode node, List<String> errors) {
    if (node == null || node.isNull()) {
      return SeverityMapping.DEFAULT;
    }
    if (node.isTextual()) {
      try {
        return new SeverityMapping(
            Severity.valueOf(node.asText().toUpperCase(Locale.ROOT)),
            SeverityMapping.DEFAULT.critical(),
            SeverityMapping.DEFAULT.emergency());
      } catch (IllegalArgumentException e) {
        errors.add("severity '" + node.asText() + "' is not WARNING, CRITICAL or EMERGENCY");
        return SeverityMapping.DEFAULT;
      }
    }
    if (!node.isObject()) {
      errors.add(
          "severity must be WARNING|CRITICAL|EMERGENCY or {\"critical\": s, \"emergency\": s}");
      return SeverityMapping.DEFAULT;
    }
    double critical = number(node, "critical", SeverityMapping.DEFAULT.critical(), errors);
    double emergency = number(node, "emergency", SeverityMapping.DEFAULT.emergency(), errors);
    for (Iterator<String> f = node.fieldNames(); f.hasNext(); ) {
      String field = f.next();
      if (!field.equals("critical") && !field.equals("emergency")) {
        errors.add("severity: unknown field '" + field + "'");
      }
    }
    if (!(critical >= 0.5 && critical <= emergency && emergency <= 1.0)) {
      errors.add(
          "severity bands need 0.5 <= critical <= emergency <= 1, were critical "
              + critical
              + ", emergency "
              + emergency);
    }
    return new SeverityMapping(null, critical, emergency);
  }

  private static String text(JsonNode node, String field, String fallback, List<String> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      errors.add(field + " must be a string");
      return fallback;
    }
    return v.asText();
  }

  private static double number(JsonNode node, String field, double fallback, List<String> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      errors.add(field + " must be a number");
      return fallback;
    }
    return v.doubleValue();
  }

  private static int positiveInt(JsonNode node, String field, int fallback, List<String> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || v.longValue() < 1 || v.longValue() > 100_000) {
      errors.add(field + " must be a whole number of windows in [1, 100000], was " + v);
      return fallback;
    }
    return v.intValue();
  }

  private static String canonical(
      String id,
      DetectorKind kind,
      Map<String, RuleInput> inputs,
      double scale,
      String hosts,
      String cluster,
      Map<String, String> labels,
      long windowMillis,
      Map<String, Double> params,
      int forWindows,
      int clearWindows,
      SeverityMapping severity,
      boolean enabled) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", id);
    n.put("detector", kind.jsonName());
    ObjectNode in = n.putObject("inputs");
    new TreeMap<>(inputs)
        .forEach(
            (role, input) ->
                in.putObject(role)
                    .put("metric", input.metric())
                    .put("statistic", input.statistic().jsonName()));
    n.put("scale", scale);
    n.put("hosts", hosts);
    if (cluster != null) {
      n.put("cluster", cluster);
    }
    ObjectNode l = n.putObject("labels");
    new TreeMap<>(labels).forEach(l::put);
    n.put("window", windowMillis);
    ObjectNode p = n.putObject("params");
    new TreeMap<>(params).forEach(p::put);
    n.put("for", forWindows);
    n.put("clear", clearWindows);
    if (severity.fixed() != null) {
      n.put("severity", severity.fixed().name());
    } else {
      n.putObject("severity")
          .put("critical", severity.critical())
          .put("emergency", severity.emergency());
    }
    n.put("enabled", enabled);
    return n.toString();
  }
}
