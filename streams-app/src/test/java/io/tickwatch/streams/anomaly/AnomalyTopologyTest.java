package io.tickwatch.streams.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.Severity;
import io.tickwatch.streams.anomaly.rules.RuleParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hysteresis, severity, fingerprints, restart, run-time rules and late input, in event time. */
class AnomalyTopologyTest {
  private static final String HOST = "host-1";
  private static final String CPU = "cpu.process.percent";
  private static final long T0 = 1_700_000_000_000L;

  static final String CPU_RULE =
      """
      {"id": "cpu", "detector": "threshold",
       "inputs": {"value": {"metric": "cpu.process.percent", "statistic": "mean"}},
       "params": {"limit": 80}, "for": 3, "clear": 2}""";

  static AnomalyConfig config(String... rules) {
    return AnomalyConfig.defaults()
        .withRules(RuleParser.parseFile("[" + String.join(",", rules) + "]"));
  }

  @TempDir Path dir;

  private static long w(int i) {
    return T0 + i * 1000L;
  }

  @Test
  void shouldFireAfterForWindowsAndResolveAfterClearWindows() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      double[] values = {90, 90, 90, 90, 90, 50, 50, 50};
      for (int i = 0; i < values.length; i++) {
        d.pipe(HOST, CPU, w(i), values[i]);
      }
      List<AnomalyEvent> events = d.events();
      assertThat(events).hasSize(2);
      AnomalyEvent fired = events.get(0);
      assertThat(fired.getActive()).isTrue();
      assertThat(fired.getEventTimeMillis().toEpochMilli()).isEqualTo(w(2) + 1000);
      assertThat(fired.getHostId()).isEqualTo(HOST);
      assertThat(fired.getMetric()).isEqualTo(CPU);
      assertThat(fired.getDetector()).isEqualTo("threshold");
      assertThat(fired.getEvidence().getValue()).isEqualTo(90.0);
      assertThat(fired.getEvidence().getThreshold()).isEqualTo(80.0);
      assertThat(fired.getEvidence().getBaseline()).isEqualTo(90.0);
      assertThat(fired.getEvidence().getWindowSizeMillis()).isEqualTo(1000);
      assertThat(fired.getScore()).isBetween(0.5, 1.0);
      AnomalyEvent resolved = events.get(1);
      assertThat(resolved.getActive()).isFalse();
      assertThat(resolved.getEventTimeMillis().toEpochMilli()).isEqualTo(w(6) + 1000);
      assertThat(resolved.getFingerprint()).isEqualTo(fired.getFingerprint());
      assertThat(resolved.getSeverity()).isEqualTo(fired.getSeverity());
    }
  }

  @Test
  void shouldFireTheDefaultMemoryAndCacheMissRulesOnTheSeriesTheAgentPublishes() {
    // the producer's MemoryUsedCollector and PerfCacheMissCollector publish these two series
    try (AnomalyDriver d = new AnomalyDriver(AnomalyConfig.defaults(), dir)) {
      double[] memory = {84, 91, 91, 91, 91, 91};
      double[] cacheMiss = {12, 12, 12, 12, 12, 12};
      for (int i = 0; i < memory.length; i++) {
        d.pipe(HOST, "memory.used.percent", w(i), memory[i]);
        d.pipe(HOST, "cache.miss.percent", w(i), cacheMiss[i]);
        d.pipe("host-2", "memory.used.percent", w(i), 80);
        d.pipe("host-2", "cache.miss.percent", w(i), 8);
      }
      List<AnomalyEvent> events = d.events();

      assertThat(events)
          .extracting(
              e -> e.getMessage().substring(0, e.getMessage().indexOf(':')),
              AnomalyEvent::getHostId,
              AnomalyEvent::getMetric,
              e -> e.getEventTimeMillis().toEpochMilli(),
              AnomalyEvent::getActive)
          .containsExactlyInAnyOrder(
              tuple("cache-miss-high", HOST, "cache.miss.percent", w(4) + 1000, true),
              tuple("memory-high", HOST, "memory.used.percent", w(5) + 1000, true));
      assertThat(events)
          .filteredOn(e -> e.getMetric().equals("memory.used.percent"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getEvidence().getValue()).isEqualTo(91.0);
                assertThat(e.getEvidence().getThreshold()).isEqualTo(85.0);
              });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"art", "art-ensemble", "art-likelihood", "likelihood"})
  void shouldRunTheCatalogueDetectorsARuleCanName(String detector) {
    String rule =
        """
        {"id": "cpu-%s", "detector": "%s",
         "inputs": {"value": {"metric": "cpu.process.percent", "statistic": "mean"}},
         "for": 1, "clear": 2}"""
            .formatted(detector, detector);
    try (AnomalyDriver d = new AnomalyDriver(config(rule), dir)) {
      Random random = new Random(42);
      int quiet = 600;
      for (int i = 0; i < quiet; i++) {
        d.pipe(HOST, CPU, w(i), 40 + random.nextGaussian());
      }
      assertThat(d.events()).as("quiet noise").isEmpty();
      for (int i = quiet; i < quiet + 10; i++) {
        d.pipe(HOST, CPU, w(i), 95 + random.nextGaussian());
      }
      List<AnomalyEvent> events = d.events();
      assertThat(events).as("a jump of 55 standard deviations").isNotEmpty();
      assertThat(events.get(0).getActive()).isTrue();
      assertThat(events.get(0).getDetector()).isEqualTo(detector);
    }
  }

  @Test
  void shouldNotStormOnAFlappingMetric() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      // fires once (three high windows in a row), then flaps high/low for 200 windows: it never
      // stays quiet for two windows, so it neither resolves nor fires again
      int i = 0;
      for (; i < 3; i++) {
        d.pipe(HOST, CPU, w(i), 95);
      }
      for (; i < 203; i++) {
        d.pipe(HOST, CPU, w(i), i % 2 == 0 ? 95 : 40);
      }
      assertThat(d.events()).hasSize(1);
      assertThat(d.events().get(0).getActive()).isTrue();
    }
  }

  @Test
  void shouldNeverFireWhenTheConditionNeverHoldsForLongEnough() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      for (int i = 0; i < 300; i++) {
        d.pipe(HOST, CPU, w(i), i % 3 == 2 ? 40 : 99); // two high, one low, repeated
      }
      assertThat(d.events()).isEmpty();
    }
  }

  @Test
  void shouldMapScoresToSeverityBandsAndReEmitOnlyWhenTheSeverityRises() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      // limit 80: 90 -> 0.5625 (warning), 130 -> 0.8125 (critical), 170 -> 1.0 (emergency)
      double[] values = {90, 90, 90, 130, 170, 170, 90, 130};
      for (int i = 0; i < values.length; i++) {
        d.pipe(HOST, CPU, w(i), values[i]);
      }
      List<AnomalyEvent> events = d.events();
      assertThat(events)
          .extracting(AnomalyEvent::getSeverity)
          .containsExactly(Severity.WARNING, Severity.CRITICAL, Severity.EMERGENCY);
      assertThat(events).extracting(AnomalyEvent::getScore).containsExactly(0.5625, 0.8125, 1.0);
      assertThat(events)
          .extracting(AnomalyEvent::getFingerprint)
          .containsOnly(events.get(0).getFingerprint());
    }
  }

  @Test
  void shouldUseTheRulesFixedSeverity() {
    String fixed = CPU_RULE.replace("\"for\": 3", "\"for\": 1, \"severity\": \"CRITICAL\"");
    try (AnomalyDriver d = new AnomalyDriver(config(fixed), dir)) {
      d.pipe(HOST, CPU, w(0), 81).pipe(HOST, CPU, w(1), 500);
      assertThat(d.events())
          .extracting(AnomalyEvent::getSeverity)
          .containsExactly(Severity.CRITICAL);
    }
  }

  @Test
  void shouldGiveStableFingerprintsAcrossRunsAndDistinctOnesPerSeries() {
    List<AnomalyEvent> first;
    List<AnomalyEvent> second;
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir.resolve("a"))) {
      feedTwoHosts(d);
      first = d.events();
    }
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir.resolve("b"))) {
      feedTwoHosts(d);
      second = d.events();
    }
    assertThat(second.toString()).isEqualTo(first.toString());
    assertThat(first).extracting(AnomalyEvent::getFingerprint).doesNotHaveDuplicates().hasSize(2);
    // pinned: a change of the fingerprint algorithm breaks alert identity across an upgrade
    assertThat(first.get(0).getFingerprint())
        .isEqualTo(Fingerprints.of("cpu", "host-1", CPU, Map.of()))
        .isEqualTo("d477553e924ee20f1c40a3c5344159c0");
    assertThat(Fingerprints.of("r", "h", "m", Map.of("a", "1", "b", "2")))
        .isEqualTo(
            Fingerprints.of("r", "h", "m", new java.util.TreeMap<>(Map.of("b", "2", "a", "1"))));
  }

  private static void feedTwoHosts(AnomalyDriver d) {
    for (int i = 0; i < 4; i++) {
      d.pipe("host-1", CPU, w(i), 90);
      d.pipe("host-2", CPU, w(i), 91);
    }
  }

  @Test
  void shouldResumeHysteresisAfterARestart() {
    AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir.resolve("before"));
    d.pipe(HOST, CPU, w(0), 90).pipe(HOST, CPU, w(1), 90);
    assertThat(d.events()).isEmpty();
    try (AnomalyDriver restarted = d.restart(config(CPU_RULE), dir.resolve("after"))) {
      restarted.pipe(HOST, CPU, w(2), 90);
      assertThat(restarted.events()).hasSize(1); // two windows before the restart + one after
      // the restarted state still knows the last window: a replayed old window is ignored
      restarted.pipe(HOST, CPU, w(1), 10).pipe(HOST, CPU, w(3), 10);
      assertThat(restarted.events()).hasSize(1);
    }
    try (AnomalyDriver fresh = new AnomalyDriver(config(CPU_RULE), dir.resolve("fresh"))) {
      fresh.pipe(HOST, CPU, w(2), 90);
      assertThat(fresh.events()).isEmpty();
    }
  }

  @Test
  void shouldKeepRunTimeRulesAcrossARestart() {
    AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir.resolve("before"));
    d.rule("cpu", CPU_RULE.replace("\"limit\": 80", "\"limit\": 95"), w(0));
    try (AnomalyDriver restarted = d.restart(config(CPU_RULE), dir.resolve("after"))) {
      for (int i = 0; i < 5; i++) {
        restarted.pipe(HOST, CPU, w(i), 90);
      }
      assertThat(restarted.events()).isEmpty();
    }
  }

  @Test
  void shouldGiveTheSameEventsWithARestartInTheMiddleAsWithout() {
    String zscore =
        """
        {"id": "z", "detector": "zscore",
         "inputs": {"value": {"metric": "tick.duration", "statistic": "p99"}},
         "params": {"window": 100, "minPoints": 30, "sigmas": 3}, "for": 1, "clear": 3}""";
    double[] values = new double[200];
    Random random = new Random(7);
    for (int i = 0; i < values.length; i++) {
      values[i] = 1000 + 50 * random.nextGaussian() + (i >= 120 && i < 126 ? 2000 : 0);
    }
    List<AnomalyEvent> straight;
    try (AnomalyDriver d = new AnomalyDriver(config(zscore), dir.resolve("straight"))) {
      for (int i = 0; i < values.length; i++) {
        d.pipe(HOST, "tick.duration", w(i), values[i]);
      }
      straight = d.events();
    }
    List<AnomalyEvent> restarted = new java.util.ArrayList<>();
    AnomalyDriver first = new AnomalyDriver(config(zscore), dir.resolve("first"));
    for (int i = 0; i < 110; i++) {
      first.pipe(HOST, "tick.duration", w(i), values[i]);
    }
    restarted.addAll(first.events());
    try (AnomalyDriver second = first.restart(config(zscore), dir.resolve("second"))) {
      for (int i = 110; i < values.length; i++) {
        second.pipe(HOST, "tick.duration", w(i), values[i]);
      }
      restarted.addAll(second.events());
    }
    assertThat(straight).isNotEmpty();
    assertThat(straight.get(0).getEventTimeMillis().toEpochMilli()).isEqualTo(w(120) + 1000);
    // compared as JSON text: Avro's equals treats NaN evidence (no threshold) as unequal to itself
    assertThat(restarted.toString()).isEqualTo(straight.toString());
  }

  @Test
  void shouldApplyAValidRuleFromTheTopicAndRejectAnInvalidOneWhole() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      // raise the limit at run time: 90 no longer alarms
      d.rule("cpu", CPU_RULE.replace("\"limit\": 80", "\"limit\": 95"), w(0));
      for (int i = 0; i < 5; i++) {
        d.pipe(HOST, CPU, w(i), 90);
      }
      assertThat(d.events()).isEmpty();
      assertThat(d.deadLetters()).isEmpty();

      // an invalid update (three errors) that would lower the limit again: rejected as a whole
      String invalid =
          CPU_RULE
              .replace("\"limit\": 80", "\"limit\": 50")
              .replace("\"for\": 3", "\"for\": 0, \"colour\": \"red\"")
              .replace("\"statistic\": \"mean\"", "\"statistic\": \"median\"");
      d.rule("cpu", invalid, w(5));
      for (int i = 5; i < 10; i++) {
        d.pipe(HOST, CPU, w(i), 90);
      }
      assertThat(d.events()).isEmpty(); // still limit 95: nothing of the bad rule applied
      List<DeadLetter> letters = d.deadLetters();
      assertThat(letters).hasSize(1);
      DeadLetter letter = letters.get(0);
      assertThat(letter.getSourceTopic()).isEqualTo("tickwatch.anomaly-rules");
      assertThat(letter.getProcessorNodeId()).isEqualTo(AnomalyTopology.VALIDATE);
      assertThat(letter.getReason())
          .contains("for must be")
          .contains("unknown field 'colour'")
          .contains("statistic 'median'");
      assertThat(
              new String(
                  letter.getOriginalValue().array(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(invalid);

      // a tombstone removes the override: the base rule (limit 80) applies again
      d.rule("cpu", null, w(10));
      for (int i = 10; i < 13; i++) {
        d.pipe(HOST, CPU, w(i), 90);
      }
      assertThat(d.events()).hasSize(1);
    }
  }

  @Test
  void shouldResolveWhatARuleHadFiringWhenItIsChangedDisabledOrRemoved() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      for (int i = 0; i < 3; i++) {
        d.pipe(HOST, CPU, w(i), 90);
        d.pipe("host-2", CPU, w(i), 90);
      }
      assertThat(d.events()).hasSize(2).allMatch(AnomalyEvent::getActive);
      d.rule("cpu", CPU_RULE.replace("\"limit\": 80", "\"limit\": 85"), w(3));
      List<AnomalyEvent> all = List.copyOf(d.events());
      List<AnomalyEvent> resolved = all.subList(2, all.size());
      assertThat(resolved).hasSize(2).noneMatch(AnomalyEvent::getActive);
      assertThat(resolved)
          .extracting(AnomalyEvent::getFingerprint)
          .containsExactlyInAnyOrder(all.get(0).getFingerprint(), all.get(1).getFingerprint());
      assertThat(resolved.get(0).getMessage()).contains("the rule was changed");
      assertThat(resolved.get(0).getEventTimeMillis().toEpochMilli()).isEqualTo(w(2) + 1000);

      for (int i = 3; i < 6; i++) {
        d.pipe(HOST, CPU, w(i), 90); // fires again under the new limit, state started afresh
      }
      assertThat(d.events()).hasSize(5);
      d.rule("cpu", null, w(6)); // back to the base rule (limit 80): a change too
      assertThat(d.events()).hasSize(6);
      assertThat(d.events().get(5).getActive()).isFalse();
    }
  }

  @Test
  void shouldAddAndDisableRulesAtRunTime() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      d.rule("cpu", CPU_RULE.replace("\"for\": 3", "\"for\": 3, \"enabled\": false"), w(0));
      d.rule(
          "heap-high",
          """
          {"id": "heap-high", "detector": "threshold", "hosts": "host-*",
           "inputs": {"value": {"metric": "heap.used.bytes", "statistic": "max"}},
           "params": {"limit": 1000}}""",
          w(0));
      for (int i = 0; i < 5; i++) {
        d.pipe(HOST, CPU, w(i), 99);
        d.pipe(HOST, "heap.used.bytes", w(i), 2000);
        d.pipe("other-1", "heap.used.bytes", w(i), 2000); // not matched by host-*
      }
      assertThat(d.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getMetric()).isEqualTo("heap.used.bytes");
                assertThat(e.getHostId()).isEqualTo(HOST);
              });
    }
  }

  @Test
  void shouldIgnoreLateAndOutOfOrderWindows() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      d.pipe(HOST, CPU, w(0), 90).pipe(HOST, CPU, w(1), 90).pipe(HOST, CPU, w(3), 90);
      assertThat(d.events()).hasSize(1); // a missing window does not break the run
      d.pipe(HOST, CPU, w(2), 10); // late: window 2 after window 3
      d.pipe(HOST, CPU, w(3), 10); // duplicate of window 3
      d.pipe(HOST, CPU, w(4), 10);
      assertThat(d.events()).hasSize(1); // one quiet window only: late ones did not count
      d.pipe(HOST, CPU, w(5), 10);
      assertThat(d.events()).hasSize(2);
      assertThat(d.events().get(1).getEventTimeMillis().toEpochMilli()).isEqualTo(w(5) + 1000);
    }
  }

  @Test
  void shouldIgnoreFleetLiveAndOtherWindowSizes() {
    try (AnomalyDriver d = new AnomalyDriver(config(CPU_RULE), dir)) {
      for (int i = 0; i < 5; i++) {
        d.pipe(AnomalyDriver.stat(null, CPU, Map.of(), w(i), 1000, 99));
        d.pipe(AnomalyDriver.stat(HOST, CPU, Map.of(), w(i * 10), 10_000, 99));
        var live = AnomalyDriver.stat(HOST, CPU, Map.of(), w(i), 1000, 99);
        live.setFinalResult(false);
        d.pipe(live);
      }
      assertThat(d.events()).isEmpty();
    }
  }

  @Test
  void shouldJoinTheSeriesOfARatioRuleWhateverTheirOrder() {
    String ratio =
        """
        {"id": "drops", "detector": "threshold",
         "inputs": {"value": {"metric": "frame.drops", "statistic": "ratePerSecond"},
                    "denominator": {"metric": "tick.count", "statistic": "ratePerSecond"}},
         "scale": 100, "params": {"limit": 5}, "for": 2, "clear": 2}""";
    try (AnomalyDriver d = new AnomalyDriver(config(ratio), dir)) {
      d.pipe(HOST, "frame.drops", w(0), 6).pipe(HOST, "tick.count", w(0), 60); // 10 %
      d.pipe(HOST, "tick.count", w(1), 60).pipe(HOST, "frame.drops", w(1), 9); // 15 %
      assertThat(d.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getMetric()).isEqualTo("frame.drops");
                assertThat(e.getEvidence().getValue()).isEqualTo(15.0);
              });
      d.pipe(HOST, "frame.drops", w(2), 0).pipe(HOST, "tick.count", w(2), 60);
      d.pipe(HOST, "frame.drops", w(3), 1).pipe(HOST, "tick.count", w(3), 60); // 1.7 %
      assertThat(d.events()).hasSize(2);
      assertThat(d.events().get(1).getActive()).isFalse();
    }
  }

  @Test
  void shouldMatchLabelledSeriesSeparately() {
    String latency =
        """
        {"id": "lat", "detector": "threshold",
         "inputs": {"value": {"metric": "action.latency", "statistic": "p99"}},
         "scale": 0.001, "params": {"limit": 100}, "for": 1}""";
    try (AnomalyDriver d = new AnomalyDriver(config(latency), dir)) {
      d.pipe(
          AnomalyDriver.stat(
              HOST, "action.latency", Map.of("action", "move"), w(0), 1000, 150_000));
      d.pipe(
          AnomalyDriver.stat(HOST, "action.latency", Map.of("action", "chat"), w(0), 1000, 2_000));
      assertThat(d.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getLabels()).containsEntry("action", "move");
                assertThat(e.getEvidence().getValue()).isEqualTo(150.0);
              });
    }
  }
}
