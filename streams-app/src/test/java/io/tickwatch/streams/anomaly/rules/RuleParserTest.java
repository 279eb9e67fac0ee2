package io.tickwatch.streams.anomaly.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

  @Test
  void shouldParseTheDefaultsIntoTheOriginalThresholds() {
    List<DetectorRule> rules = DefaultRules.rules();
    assertThat(rules)
        .extracting(DetectorRule::id)
        .containsExactly(
            "cpu-high",
            "memory-high",
            "latency-p99-high",
            "frame-drop-rate-high",
            "cache-miss-high",
            "tick-p99-zscore",
            "tick-p99-ensemble",
            "heap-leak",
            "degradation");
    assertThat(rules.stream().filter(r -> r.detector() == DetectorKind.THRESHOLD))
        .extracting(r -> r.param("limit"))
        .containsExactly(80.0, 85.0, 100.0, 5.0, 10.0);
    DetectorRule z = rules.get(5);
    assertThat(z.param("window")).isEqualTo(1000.0);
    assertThat(z.param("minPoints")).isEqualTo(30.0);
    assertThat(z.param("sigmas")).isEqualTo(3.0);
    DetectorRule degradation = rules.get(8);
    assertThat(degradation.param("cpuWeight")).isEqualTo(0.4);
    assertThat(degradation.param("latencyWeight")).isEqualTo(0.4);
    assertThat(degradation.param("cacheMissWeight")).isEqualTo(0.2);
  }

  @Test
  void shouldFillDefaultsAndProduceACanonicalJsonThatParsesToItself() {
    DetectorRule rule =
        RuleParser.parseRule(
            """
            {"id": "z", "detector": "zscore", "inputs": {"value": {"metric": "m"}}}""",
            "z");
    assertThat(rule.param("window")).isEqualTo(1000.0);
    assertThat(rule.inputs().get("value").statistic()).isEqualTo(Statistic.MEAN);
    assertThat(rule.windowSizeMillis()).isEqualTo(1000);
    assertThat(rule.forWindows()).isEqualTo(1);
    assertThat(rule.severity()).isEqualTo(SeverityMapping.DEFAULT);
    assertThat(RuleParser.parseRule(rule.json(), "z")).isEqualTo(rule);
  }

  @Test
  void shouldListEveryErrorOfARule() {
    assertThatThrownBy(
            () ->
                RuleParser.parseRule(
                    """
                    {"id": "bad id!", "detector": "zscore", "colour": 1,
                     "inputs": {"value": {"metric": "m", "statistic": "median"}, "extra": {}},
                     "params": {"sigmas": -1, "window": 10.5, "nope": 1},
                     "window": "soon", "for": 0, "clear": "x",
                     "severity": {"critical": 0.95, "emergency": 0.9}, "enabled": "yes"}""",
                    "other"))
        .isInstanceOfSatisfying(
            RuleValidationException.class,
            e ->
                assertThat(e.errors())
                    .hasSize(13)
                    .anySatisfy(m -> assertThat(m).contains("id 'bad id!'"))
                    .anySatisfy(m -> assertThat(m).contains("unknown field 'colour'"))
                    .anySatisfy(m -> assertThat(m).contains("statistic 'median'"))
                    .anySatisfy(m -> assertThat(m).contains("input role 'extra'"))
                    .anySatisfy(m -> assertThat(m).contains("params.sigmas"))
                    .anySatisfy(m -> assertThat(m).contains("params.window must be a whole"))
                    .anySatisfy(m -> assertThat(m).contains("params.nope"))
                    .anySatisfy(m -> assertThat(m).contains("window must be"))
                    .anySatisfy(m -> assertThat(m).contains("for must be"))
                    .anySatisfy(m -> assertThat(m).contains("clear must be"))
                    .anySatisfy(m -> assertThat(m).contains("severity bands"))
                    .anySatisfy(m -> assertThat(m).contains("enabled must be")));
  }

  @Test
  void shouldRequireTheDetectorsInputsAndParameters() {
    assertThatThrownBy(
            () ->
                RuleParser.parseRule(
                    """
                    {"id": "d", "detector": "degradation", "inputs": {"cpu": {"metric": "c"}}}""",
                    null))
        .hasMessageContaining("inputs.latency is required by degradation");
    assertThatThrownBy(
            () ->
                RuleParser.parseRule(
                    """
                    {"id": "l", "detector": "leak-trend", "inputs": {"value": {"metric": "h"}}}""",
                    null))
        .hasMessageContaining("params.capacity is required by leak-trend");
    assertThatThrownBy(() -> RuleParser.parseRule("{\"id\": \"x\"}", null))
        .hasMessageContaining("detector is required")
        .hasMessageContaining("inputs is required");
    assertThatThrownBy(() -> RuleParser.parseRule("not json", "x"))
        .isInstanceOf(RuleValidationException.class);
  }

  @Test
  void shouldRejectForAboveOneWithADetectorThatAlarmsOncePerEvent() {
    String rule =
        """
        {"id": "t", "detector": "%s", "inputs": {"value": {"metric": "tick.duration"}},
         "for": 3}""";
    for (String detector :
        List.of("ensemble", "art", "art-ensemble", "art-likelihood", "likelihood")) {
      assertThatThrownBy(() -> RuleParser.parseRule(rule.formatted(detector), null))
          .hasMessageContaining("for must be 1 with detector " + detector)
          .hasMessageContaining("3 anomalous windows in a row never happen");
    }
    assertThat(RuleParser.parseRule(rule.formatted("zscore"), null).forWindows()).isEqualTo(3);
  }

  @Test
  void shouldRejectARuleFileWithAnyInvalidRuleListingEveryError() {
    assertThatThrownBy(
            () ->
                RuleParser.parseFile(
                    """
                    [{"id": "a", "detector": "threshold", "inputs": {"value": {"metric": "m"}},
                      "params": {"limit": 1}},
                     {"id": "a", "detector": "threshold", "inputs": {"value": {"metric": "m"}},
                      "params": {"limit": 2}},
                     {"id": "b", "detector": "threshold", "inputs": {"value": {"metric": "m"}}},
                     {"id": "c", "detector": "magic", "inputs": {"value": {"metric": "m"}}}]"""))
        .isInstanceOfSatisfying(
            RuleValidationException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        "rules[1] (a): duplicate id 'a'",
                        "rules[2] (b): params.limit is required by threshold",
                        "rules[3] (c): unknown detector 'magic' (known: [threshold, zscore,"
                            + " ensemble, art, art-ensemble, art-likelihood, likelihood, median-mad, holt,"
                            + " leak-trend,"
                            + " degradation])"));
  }

  @Test
  void shouldMapScoresToSeverities() {
    assertThat(SeverityMapping.DEFAULT.of(0.5)).isEqualTo(Severity.WARNING);
    assertThat(SeverityMapping.DEFAULT.of(0.75)).isEqualTo(Severity.CRITICAL);
    assertThat(SeverityMapping.DEFAULT.of(0.9)).isEqualTo(Severity.EMERGENCY);
    DetectorRule fixed =
        RuleParser.parseRule(
            """
            {"id": "f", "detector": "threshold", "inputs": {"value": {"metric": "m"}},
             "params": {"limit": 1}, "severity": "emergency"}""",
            null);
    assertThat(fixed.severity().of(0.5)).isEqualTo(Severity.EMERGENCY);
  }

  @Test
  void shouldMatchHostsByGlobAndSeriesByLabelSubset() {
    DetectorRule rule =
        RuleParser.parseRule(
            """
            {"id": "g", "detector": "threshold", "hosts": "demo-host-?", "cluster": "demo",
             "labels": {"action": "move"},
             "inputs": {"value": {"metric": "action.latency", "statistic": "p99"}},
             "params": {"limit": 1}}""",
            null);
    assertThat(rule.appliesToHost("demo-host-1", "demo")).isTrue();
    assertThat(rule.appliesToHost("demo-host-12", "demo")).isFalse();
    assertThat(rule.appliesToHost("demo-host-1", "prod")).isFalse();
  }
}
