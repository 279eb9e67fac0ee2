package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.AnomalyEvidence;
import io.tickwatch.avro.Severity;
import io.tickwatch.stats.anomaly.AnomalyDetector;
import io.tickwatch.stats.anomaly.Degradation;
import io.tickwatch.stats.anomaly.DegradationScorer;
import io.tickwatch.stats.anomaly.DetectorCatalog;
import io.tickwatch.stats.anomaly.EnsembleDetector;
import io.tickwatch.stats.anomaly.LeakAssessment;
import io.tickwatch.stats.anomaly.MemoryLeakDetector;
import io.tickwatch.stats.anomaly.RollingZScoreDetector;
import io.tickwatch.streams.anomaly.rules.DetectorKind;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Applies one rule to one window of one series (or, for rules over several series, to one window of
 * one host once its inputs are together): scores it with the rule's detector, then applies the
 * rule's hysteresis. Kafka-free and clock-free: the output depends only on the state and the
 * inputs, which is what makes restarts and replays deterministic.
 *
 * <p><b>Hysteresis.</b> A window alarms when its score is at least {@link AnomalyDetector#ALARM}.
 * The rule fires (an event with {@code active = true}) after {@code for} consecutive alarming
 * windows, re-emits only when the severity rises, and resolves (one event with {@code active =
 * false}) after {@code clear} consecutive quiet windows. A window without a value (an empty window,
 * a zero denominator) counts as neither.
 */
final class RuleEvaluator {

  /** Weight of the newest value in the evidence baseline (an EWMA of the judged values). */
  static final double BASELINE_ALPHA = 0.05;

  /** Outcome of {@link #accept}. */
  enum Outcome {
    /** The window was judged (an event may have been emitted). */
    EVALUATED,
    /** The input was stored, waiting for the window's other series. */
    PENDING,
    /** The window is not after the last judged window of this state: ignored. */
    LATE
  }

  /** Receives events. */
  interface Emitter {
    void emit(AnomalyEvent event);
  }

  private RuleEvaluator() {}

  /** A fresh state for a rule. */
  static RuleState newState(DetectorRule rule) {
    RuleState state = new RuleState(rule.json());
    switch (rule.detector()) {
      case ZSCORE ->
          state.detector =
              new RollingZScoreDetector(
                  (int) rule.param("window"), (int) rule.param("minPoints"), rule.param("sigmas"));
      case ENSEMBLE -> state.detector = new EnsembleDetector();
      case MEDIAN_MAD, HOLT, ART, ART_ENSEMBLE, ART_LIKELIHOOD, LIKELIHOOD ->
          state.detector = DetectorCatalog.factory(rule.detector().jsonName()).create();
      case LEAK_TREND ->
          state.detector =
              new MemoryLeakDetector(
                  new MemoryLeakDetector.Config(
                      (int) rule.param("windowSamples"),
                      (int) rule.param("minSamples"),
                      rule.param("confidence"),
                      rule.param("capacity"),
                      (long) (rule.param("horizonSeconds") * 1000)));
      case DEGRADATION ->
          state.degradation =
              new DegradationScorer(
                  new DegradationScorer.Config(
                      (int) rule.param("windowSamples"),
                      rule.param("cpuWeight"),
                      rule.param("latencyWeight"),
                      rule.param("cacheMissWeight"),
                      rule.param("threshold")));
      case THRESHOLD -> {
        // stateless apart from the hysteresis
      }
    }
    return state;
  }

  /**
   * Feeds one input value of one window.
   *
   * @param series identity of the series (host, cluster, metric, labels) for events
   * @param role the rule's input role this value is for
   * @param statistic the input statistic (before the rule's scale)
   */
  static Outcome accept(
      DetectorRule rule,
      RuleState state,
      SeriesRef series,
      long windowStartMillis,
      String role,
      double statistic,
      Emitter emitter) {
    if (windowStartMillis <= state.lastWindowStartMillis) {
      return Outcome.LATE;
    }
    if (!rule.detector().multiInput() || rule.inputs().size() == 1) {
      state.lastWindowStartMillis = windowStartMillis;
      judge(rule, state, series, windowStartMillis, Map.of(role, statistic), emitter);
      return Outcome.EVALUATED;
    }
    if (state.pendingWindowStartMillis != Long.MIN_VALUE
        && windowStartMillis < state.pendingWindowStartMillis) {
      return Outcome.LATE; // older than the window being collected
    }
    if (state.pendingWindowStartMillis != Long.MIN_VALUE
        && windowStartMillis > state.pendingWindowStartMillis) {
      // a later window started: judge the pending one with what it has, if enough
      long pendingStart = state.pendingWindowStartMillis;
      Map<String, Double> values = new LinkedHashMap<>(state.pending);
      state.pending.clear();
      state.pendingWindowStartMillis = Long.MIN_VALUE;
      if (hasRequired(rule, values)) {
        state.lastWindowStartMillis = pendingStart;
        judge(rule, state, series, pendingStart, values, emitter);
      }
    }
    state.pendingWindowStartMillis = windowStartMillis;
    state.pending.put(role, statistic);
    if (state.pending.keySet().containsAll(rule.inputs().keySet())) {
      Map<String, Double> values = new LinkedHashMap<>(state.pending);
      state.pending.clear();
      state.pendingWindowStartMillis = Long.MIN_VALUE;
      state.lastWindowStartMillis = windowStartMillis;
      judge(rule, state, series, windowStartMillis, values, emitter);
      return Outcome.EVALUATED;
    }
    return Outcome.PENDING;
  }

  /** Every input the rule needs: all its inputs except the degradation's optional cache misses. */
  private static boolean hasRequired(DetectorRule rule, Map<String, Double> values) {
    for (String role : rule.inputs().keySet()) {
      boolean optional = rule.detector() == DetectorKind.DEGRADATION && role.equals("cacheMiss");
      if (!optional && !values.containsKey(role)) {
        return false;
      }
    }
    return true;
  }

  private static void judge(
      DetectorRule rule,
      RuleState state,
      SeriesRef series,
      long windowStartMillis,
      Map<String, Double> values,
      Emitter emitter) {
    state.hostId = series.hostId();
    state.cluster = series.cluster();
    state.metric = series.metric();
    state.labels = new java.util.TreeMap<>(series.labels());
    state.lastWindowEndMillis = windowStartMillis + rule.windowSizeMillis();
    Judgement j = score(rule, state, windowStartMillis, values);
    if (j == null) {
      return; // no value in this window
    }
    state.windowsEvaluated++;
    double baseline = state.baselineEwma;
    state.baselineEwma =
        Double.isNaN(baseline) ? j.value : baseline + BASELINE_ALPHA * (j.value - baseline);
    boolean alarm = j.score >= AnomalyDetector.ALARM;
    if (alarm) {
      state.alarmRun++;
      state.clearRun = 0;
    } else {
      state.clearRun++;
      state.alarmRun = 0;
    }
    Severity severity = rule.severity().of(j.score);
    if (!state.firing && alarm && state.alarmRun >= rule.forWindows()) {
      state.firing = true;
      state.firedSeverity = severity.ordinal();
      emitter.emit(event(rule, state, series, windowStartMillis, j, baseline, severity, true));
    } else if (state.firing && alarm && severity.ordinal() > state.firedSeverity) {
      state.firedSeverity = severity.ordinal();
      emitter.emit(event(rule, state, series, windowStartMillis, j, baseline, severity, true));
    } else if (state.firing && !alarm && state.clearRun >= rule.clearWindows()) {
      state.firing = false;
      Severity fired = Severity.values()[Math.max(0, state.firedSeverity)];
      state.firedSeverity = -1;
      emitter.emit(event(rule, state, series, windowStartMillis, j, baseline, fired, false));
    }
  }

  /**
   * Ends a state whose rule was changed, disabled or removed: if it was firing, emits its recovery
   * event ({@code active = false}, score 0, the last judged window's end as event time) so that no
   * alert stays open for a condition nothing watches any more.
   *
   * @param why for the message, for example "the rule was removed"
   */
  static void retire(String ruleId, String detector, RuleState state, String why, Emitter emitter) {
    if (!state.firing || state.hostId == null) {
      return;
    }
    Severity fired = Severity.values()[Math.max(0, state.firedSeverity)];
    state.firing = false;
    AnomalyEvidence evidence =
        AnomalyEvidence.newBuilder()
            .setValue(Double.NaN)
            .setBaseline(state.baselineEwma)
            .setThreshold(Double.NaN)
            .setWindowSizeMillis(0)
            .setWindowPoints(0)
            .setDetails(new LinkedHashMap<>())
            .build();
    emitter.emit(
        AnomalyEvent.newBuilder()
            .setFingerprint(Fingerprints.of(ruleId, state.hostId, state.metric, state.labels))
            .setHostId(state.hostId)
            .setCluster(state.cluster)
            .setMetric(state.metric)
            .setLabels(new LinkedHashMap<>(state.labels))
            .setDetector(detector)
            .setSeverity(fired)
            .setScore(0.0)
            .setActive(false)
            .setEventTimeMillis(Instant.ofEpochMilli(state.lastWindowEndMillis))
            .setEvidence(evidence)
            .setMessage(
                ruleId + ": " + state.metric + " on " + state.hostId + " no longer watched: " + why)
            .build());
  }

  /** What the detector made of one window. */
  private record Judgement(
      double value, double score, double threshold, Map<String, Double> details) {}

  private static Judgement score(
      DetectorRule rule, RuleState state, long windowStartMillis, Map<String, Double> values) {
    Map<String, Double> details = new LinkedHashMap<>();
    switch (rule.detector()) {
      case THRESHOLD -> {
        Double raw = values.get("value");
        double v = raw == null ? Double.NaN : raw;
        if (rule.inputs().containsKey("denominator")) {
          Double den = values.get("denominator");
          v = den == null || den == 0 ? Double.NaN : v / den;
        }
        v *= rule.scale();
        if (!Double.isFinite(v)) {
          return null;
        }
        double limit = rule.param("limit");
        double score = 0;
        if (v > limit) {
          score = limit == 0 ? 1.0 : 0.5 + 0.5 * Math.min(1.0, (v - limit) / Math.abs(limit));
        }
        details.put("limit", limit);
        return new Judgement(v, score, limit, details);
      }
      case DEGRADATION -> {
        double cpu = values.getOrDefault("cpu", Double.NaN) * rule.scale();
        double latency = values.getOrDefault("latency", Double.NaN) * rule.scale();
        Double cacheRaw = values.get("cacheMiss");
        double cache = cacheRaw == null || !Double.isFinite(cacheRaw) ? 0.0 : cacheRaw;
        if (!Double.isFinite(cpu) || !Double.isFinite(latency)) {
          return null;
        }
        Degradation d = state.degradation.update(windowStartMillis, cpu, latency, cache);
        details.put("cpuTrend", d.cpuTrend());
        details.put("latencyTrend", d.latencyTrend());
        details.put("cacheMissTrend", d.cacheMissTrend());
        details.put("composite", d.composite());
        return new Judgement(d.composite(), d.score(), rule.param("threshold"), details);
      }
      default -> {
        double v = values.getOrDefault("value", Double.NaN) * rule.scale();
        if (!Double.isFinite(v)) {
          return null;
        }
        double score = state.detector.score(windowStartMillis, v);
        double threshold = Double.NaN;
        if (rule.detector() == DetectorKind.ZSCORE) {
          double sigmas = rule.param("sigmas");
          details.put(
              "zScore", score >= 1 ? Double.POSITIVE_INFINITY : sigmas * score / (1 - score));
        } else if (state.detector instanceof MemoryLeakDetector leak) {
          LeakAssessment a = leak.assessment();
          threshold = rule.param("capacity");
          details.put("slopePerSecond", a.slopePerSecond());
          details.put("slopeLowerBoundPerSecond", a.slopeLowerBoundPerSecond());
          details.put("fittedValue", a.fittedValue());
          if (a.timeToExhaustionMillis() != Long.MAX_VALUE) {
            details.put("projectedExhaustionMillis", (double) a.timeToExhaustionMillis());
          }
        }
        return new Judgement(v, score, threshold, details);
      }
    }
  }

  private static AnomalyEvent event(
      DetectorRule rule,
      RuleState state,
      SeriesRef series,
      long windowStartMillis,
      Judgement j,
      double baseline,
      Severity severity,
      boolean active) {
    int points =
        (int)
            Math.min(
                Integer.MAX_VALUE,
                rule.detector() == DetectorKind.THRESHOLD ? 1 : state.windowsEvaluated);
    Map<String, Double> details = new LinkedHashMap<>(j.details);
    details.put("windowsInARow", (double) (active ? state.alarmRun : state.clearRun));
    AnomalyEvidence evidence =
        AnomalyEvidence.newBuilder()
            .setValue(j.value)
            .setBaseline(baseline)
            .setThreshold(j.threshold)
            .setWindowSizeMillis(rule.windowSizeMillis() * points)
            .setWindowPoints(points)
            .setDetails(details)
            .build();
    String labels = series.labels().isEmpty() ? "" : " " + series.labels();
    String message =
        active
            ? String.format(
                Locale.ROOT,
                "%s: %s on %s%s is anomalous (%s %.4g, score %.2f) for %d window(s) of %d ms",
                rule.id(),
                series.metric(),
                series.hostId(),
                labels,
                rule.detector().jsonName(),
                j.value,
                j.score,
                state.alarmRun,
                rule.windowSizeMillis())
            : String.format(
                Locale.ROOT,
                "%s: %s on %s%s back to normal after %d quiet window(s)",
                rule.id(),
                series.metric(),
                series.hostId(),
                labels,
                state.clearRun);
    return AnomalyEvent.newBuilder()
        .setFingerprint(
            Fingerprints.of(rule.id(), series.hostId(), series.metric(), series.labels()))
        .setHostId(series.hostId())
        .setCluster(series.cluster())
        .setMetric(series.metric())
        .setLabels(new LinkedHashMap<>(series.labels()))
        .setDetector(rule.detector().jsonName())
        .setSeverity(severity)
        .setScore(Math.max(0.0, Math.min(1.0, j.score)))
        .setActive(active)
        .setEventTimeMillis(Instant.ofEpochMilli(windowStartMillis + rule.windowSizeMillis()))
        .setEvidence(evidence)
        .setMessage(message)
        .build();
  }

  /** The series an event is about. */
  record SeriesRef(String hostId, String cluster, String metric, Map<String, String> labels) {}
}
