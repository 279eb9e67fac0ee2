package io.tickwatch.dashboard.browser;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.ActionKind;
import io.tickwatch.avro.ActionOutcome;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.CompressionCodec;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentVariant;
import io.tickwatch.avro.HotMethod;
import io.tickwatch.avro.MetricComparison;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.ProfilePayloadFormat;
import io.tickwatch.avro.ProfileSummary;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.avro.Severity;
import io.tickwatch.avro.Verdict;
import io.tickwatch.schemas.avro.ExampleRecords;
import io.tickwatch.schemas.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Records the browser tests publish, built from the schemas test-jar's {@link ExampleRecords}. Some
 * names are hostile markup: a page that parsed them as HTML would run their handlers.
 */
final class TestData {

  /** A host id that runs script when parsed as HTML. */
  static final String HOSTILE_HOST = "<img src=x onerror=window.__pwned=1>";

  /** A metric name that runs script when parsed as HTML. */
  static final String HOSTILE_METRIC = "<svg onload=window.__pwned=2>.latency";

  /** A label name that runs script when parsed as HTML. */
  static final String HOSTILE_LABEL = "<iframe srcdoc=\"<script>parent.__pwned=3</script>\">";

  /** A frame name in a profile that runs script when parsed as HTML. */
  static final String HOSTILE_FRAME = "<img src=y onerror=window.__pwned=4>";

  static final List<String> HOSTS = List.of("host-1", "host-2", HOSTILE_HOST);
  static final String EXPERIMENT_ID = "pathfinding-v2";
  static final String PROFILE_ID = "prof-host-1-1";
  static final String HISTORY_ALERT = "fp-history-1";

  /** Metric name -> typical mean (in the metric's unit). */
  static final Map<String, Double> METRICS =
      Map.of(
          "tick.duration", 12_000.0,
          "action.latency", 30_000.0,
          "cpu.process.percent", 45.0,
          "memory.used.percent", 62.0,
          "players.active", 120.0,
          "frame.drops", 0.5);

  private TestData() {}

  /** One window of a series; {@code host} null for the fleet. */
  static RollingStats stats(
      String host,
      String metric,
      Map<String, String> labels,
      long sizeMillis,
      long startMillis,
      double mean) {
    return RollingStats.newBuilder(ExampleRecords.rollingStats())
        .setHostId(host)
        .setCluster("eu-west")
        .setMetric(metric)
        .setLabels(labels)
        .setWindowStartMillis(Instant.ofEpochMilli(startMillis))
        .setWindowEndMillis(Instant.ofEpochMilli(startMillis + sizeMillis))
        .setWindowSizeMillis(sizeMillis)
        .setMean(mean)
        .setMin(mean * 0.4)
        .setP50(mean)
        .setP95(mean * 1.3)
        .setP99(mean * 1.5)
        .setP999(mean * 1.9)
        .setMax(mean * 2)
        .setRatePerSecond(mean)
        .setHostCount(host == null ? HOSTS.size() : 1)
        .setFinalResult(true)
        .build();
  }

  static String statsKey(String host, String metric) {
    return (host == null ? "*" : host) + "/" + metric;
  }

  /** A wave so that charts have a shape. */
  static double wave(double base, long tMillis, int phase) {
    return base * (1 + 0.15 * Math.sin(tMillis / 60_000.0 + phase));
  }

  /** Sends 1 s windows of the last {@code seconds} and 10 s windows of the last 15 minutes. */
  static void sendHistory(DashboardFixture fixture, long nowMillis, int seconds) {
    long end1s = nowMillis / 1000 * 1000;
    long end10s = nowMillis / 10_000 * 10_000;
    List<String> scopes = new ArrayList<>(HOSTS);
    scopes.add(null);
    int phase = 0;
    for (String host : scopes) {
      phase++;
      for (Map.Entry<String, Double> metric : METRICS.entrySet()) {
        for (long t = end1s - seconds * 1000L; t < end1s; t += 1000) {
          double v = wave(metric.getValue(), t, phase);
          fixture.send(
              Topics.STATS,
              statsKey(host, metric.getKey()),
              stats(host, metric.getKey(), Map.of(), 1000, t, v),
              t + 1000);
        }
        for (long t = end10s - 900_000; t < end10s; t += 10_000) {
          double v = wave(metric.getValue(), t, phase);
          fixture.send(
              Topics.STATS,
              statsKey(host, metric.getKey()),
              stats(host, metric.getKey(), Map.of(), 10_000, t, v),
              t + 10_000);
        }
      }
    }
    // a hostile metric name with a hostile label name
    for (long t = end1s - 60_000; t < end1s; t += 1000) {
      fixture.send(
          Topics.STATS,
          statsKey("host-1", HOSTILE_METRIC),
          stats("host-1", HOSTILE_METRIC, Map.of(HOSTILE_LABEL, "v"), 1000, t, 5.0),
          t + 1000);
    }
  }

  /** An alert as the alerting service publishes it. */
  static Alert alert(
      String fingerprint, String host, String metric, String summary, long startsAtMillis) {
    Map<String, String> labels = new HashMap<>();
    labels.put("alertname", "TickDurationHigh");
    labels.put("host", host);
    labels.put("metric", metric);
    labels.put(HOSTILE_LABEL, "label-value");
    return Alert.newBuilder(ExampleRecords.alert())
        .setFingerprint(fingerprint)
        .setState(AlertState.FIRING)
        .setSeverity(Severity.CRITICAL)
        .setHostId(host)
        .setLabels(labels)
        .setAnnotations(Map.of("summary", summary))
        .setStartsAtMillis(Instant.ofEpochMilli(startsAtMillis))
        .setUpdatedAtMillis(Instant.ofEpochMilli(startsAtMillis))
        .setAcknowledgement(null)
        .setSilencedBy(List.of())
        .setInhibitedBy(List.of())
        .build();
  }

  static ActionAudit action(String fingerprint, String host, long atMillis) {
    return ActionAudit.newBuilder(ExampleRecords.actionAudit())
        .setActionId("act-" + fingerprint)
        .setAction(ActionKind.START_PROFILING)
        .setOutcome(ActionOutcome.ISSUED)
        .setHostId(host)
        .setAlertFingerprint(fingerprint)
        .setSeverity(Severity.CRITICAL)
        .setCommandId("cmd-" + fingerprint)
        .setAtMillis(Instant.ofEpochMilli(atMillis))
        .setParameters(Map.of("profileId", PROFILE_ID))
        .build();
  }

  static Experiment experiment(long createdMillis) {
    return Experiment.newBuilder(ExampleRecords.experiment())
        .setExperimentId(EXPERIMENT_ID)
        .setName("Pathfinding v2 " + HOSTILE_HOST)
        .setVariants(
            List.of(
                ExperimentVariant.newBuilder().setName("control").setTrafficShare(0.5).build(),
                ExperimentVariant.newBuilder().setName("astar-v2").setTrafficShare(0.5).build()))
        .setMetrics(List.of("tick.duration"))
        .setCreatedAtMillis(Instant.ofEpochMilli(createdMillis))
        .setStartedAtMillis(Instant.ofEpochMilli(createdMillis))
        .setUpdatedAtMillis(Instant.ofEpochMilli(createdMillis))
        .build();
  }

  /** Evaluation {@code index} of the experiment: the p-values fall as data accumulates. */
  static AbResult abResult(int index, long evaluatedAtMillis) {
    AbResult example = ExampleRecords.abResult();
    double p = Math.max(1e-9, 0.6 * Math.exp(-index / 4.0));
    double halfWidth = 2_000.0 / Math.sqrt(index + 1);
    Verdict verdict = p < 0.05 ? Verdict.BETTER : Verdict.INCONCLUSIVE;
    MetricComparison comparison =
        MetricComparison.newBuilder(example.getComparisons().get(0))
            .setTreatmentVariant("astar-v2")
            .setMeanDifference(-600.0)
            .setDifferenceCiLow(-600.0 - halfWidth)
            .setDifferenceCiHigh(-600.0 + halfWidth)
            .setWelchPValue(p)
            .setMannWhitneyPValue(p * 1.1)
            .setSequentialPValue(Math.min(1, p * 4))
            .setAdjustedPValue(Math.min(1, p * 2))
            .setVerdict(verdict)
            .build();
    return AbResult.newBuilder(example)
        .setExperimentId(EXPERIMENT_ID)
        .setEvaluationIndex(index)
        .setEvaluatedAtMillis(Instant.ofEpochMilli(evaluatedAtMillis))
        .setDataStartMillis(Instant.ofEpochMilli(evaluatedAtMillis - 60_000L * (index + 1)))
        .setComparisons(List.of(comparison))
        .setVerdict(verdict)
        .setReasons(List.of("tick.duration: astar-v2 6.0 % lower, adjusted p = " + p))
        .build();
  }

  /** A one-chunk profile of host-1 with a hostile frame name. */
  static ProfileChunk profile(String alertFingerprint, long startedAtMillis) {
    String stacks =
        String.join(
            "\n",
            "main;GameLoop.tick;World.update;Pathfinding.search 420",
            "main;GameLoop.tick;World.update;" + HOSTILE_FRAME + " 180",
            "main;GameLoop.tick;Net.flush 250",
            "main;GC.pause 150",
            "");
    return ProfileChunk.newBuilder(ExampleRecords.profileChunk())
        .setProfileId(PROFILE_ID)
        .setHostId("host-1")
        .setCommandId("cmd-" + alertFingerprint)
        .setAlertFingerprint(alertFingerprint)
        .setStartedAtMillis(Instant.ofEpochMilli(startedAtMillis))
        .setEndedAtMillis(Instant.ofEpochMilli(startedAtMillis + 30_000))
        .setChunkIndex(0)
        .setChunkCount(1)
        .setCodec(CompressionCodec.GZIP)
        .setFormat(ProfilePayloadFormat.COLLAPSED_STACKS)
        .setPayload(ByteBuffer.wrap(gzip(stacks)))
        .setSummary(
            ProfileSummary.newBuilder(ExampleRecords.profileChunk().getSummary())
                .setTotalSamples(1000)
                .setTopMethods(
                    List.of(
                        HotMethod.newBuilder()
                            .setMethod("Pathfinding.search")
                            .setSelfSamples(420)
                            .setTotalSamples(420)
                            .setSelfPercent(42.0)
                            .setTotalPercent(42.0)
                            .build()))
                .build())
        .build();
  }

  /** {@code count} raw 1 ms samples of one series of a host, starting at {@code startMillis}. */
  static SampleBatch samples(
      String host, String metric, long startMillis, int count, long sequence) {
    List<Double> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(40 + 10 * Math.sin(i / 20.0));
    }
    return SampleBatch.newBuilder(ExampleRecords.sampleBatch())
        .setHostId(host)
        .setSequence(sequence)
        .setStartTimeMillis(Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(1000)
        .setSampleCount(count)
        .setSeries(List.of(MetricSeries.newBuilder().setName(metric).setValues(values).build()))
        .setLatencies(List.of())
        .setCounters(Map.of())
        .build();
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
