package io.tickwatch.schemas.avro;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.ActionKind;
import io.tickwatch.avro.ActionOutcome;
import io.tickwatch.avro.AgentHealth;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertAcknowledgement;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.AlertTransitionKind;
import io.tickwatch.avro.AllocationSite;
import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.AnomalyEvidence;
import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.CompressionCodec;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.DeadLetterHeader;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.ExperimentVariant;
import io.tickwatch.avro.FailureStage;
import io.tickwatch.avro.HotMethod;
import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricComparison;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.ProfilePayloadFormat;
import io.tickwatch.avro.ProfileSummary;
import io.tickwatch.avro.QuantileDifference;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RestoreLoad;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.avro.Severity;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.avro.StartProfiling;
import io.tickwatch.avro.VariantSummary;
import io.tickwatch.avro.Verdict;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * One realistic example record per topic value schema, built with the generated builders, so that
 * every required field is set and optional ones are exercised.
 */
public final class ExampleRecords {
  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

  private ExampleRecords() {}

  /** The example for a generated value class. */
  public static SpecificRecord forClass(Class<?> valueType) {
    return EXAMPLES.stream()
        .filter(valueType::isInstance)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no example record for " + valueType.getName()));
  }

  /** Every example. */
  public static List<SpecificRecord> all() {
    return EXAMPLES;
  }

  public static QuantileSketch sketch() {
    return QuantileSketch.newBuilder()
        .setRelativeAccuracy(0.01)
        .setZeroCount(2)
        .setIndexOffset(350)
        .setCounts(List.of(1L, 0L, 7L, 42L, 3L))
        .build();
  }

  public static SampleBatch sampleBatch() {
    return SampleBatch.newBuilder()
        .setHostId("host-1")
        .setCluster("eu-west")
        .setTags(Map.of("build", "1.42.0", "region", "eu-west-1"))
        .setAgentRunId("run-7f3a")
        .setSequence(12)
        .setStartTimeMillis(T0)
        .setSampleIntervalMicros(1000)
        .setSampleCount(3)
        .setSeries(
            List.of(
                MetricSeries.newBuilder()
                    .setName("cpu.process.percent")
                    .setValues(List.of(12.5, 13.0, Double.NaN))
                    .build(),
                MetricSeries.newBuilder()
                    .setName("net.rx.packets")
                    .setLabels(Map.of("iface", "eth0"))
                    .setValues(List.of(3.0, 0.0, 5.0))
                    .build()))
        .setLatencies(
            List.of(
                LatencyDigest.newBuilder()
                    .setName("action.latency")
                    .setLabels(Map.of("action", "move"))
                    .setCount(53)
                    .setSumMicros(10_600.0)
                    .setMinMicros(80.0)
                    .setMaxMicros(1_900.0)
                    .setSketch(sketch())
                    .build()))
        .setCounters(Map.of("frame.drops", 4L, "tick.overruns", 9L))
        .setHealth(
            AgentHealth.newBuilder()
                .setSamplesProduced(13)
                .setSamplesDelivered(12)
                .setSamplesDropped(0)
                .setSendErrors(0)
                .setBufferUsedBytes(2048)
                .setBufferCapacityBytes(8 << 20)
                .setLabelValuesFolded(1)
                .setAgentCpuNanos(1_234_567)
                .build())
        .build();
  }

  public static RollingStats rollingStats() {
    return RollingStats.newBuilder()
        .setHostId("host-1")
        .setCluster("eu-west")
        .setMetric("tick.duration")
        .setWindowStartMillis(T0)
        .setWindowEndMillis(T0.plusSeconds(10))
        .setWindowSizeMillis(10_000)
        .setCount(600)
        .setSum(6_000_000.0)
        .setMean(10_000.0)
        .setMin(4_000.0)
        .setMax(48_000.0)
        .setStddev(2_500.0)
        .setRatePerSecond(60.0)
        .setP50(9_800.0)
        .setP95(15_000.0)
        .setP99(31_000.0)
        .setP999(47_000.0)
        .setSketch(sketch())
        .setFinalResult(true)
        .build();
  }

  public static AnomalyEvent anomalyEvent() {
    return AnomalyEvent.newBuilder()
        .setFingerprint("9f2c1ab04e7d33aa")
        .setHostId("host-3")
        .setCluster("eu-west")
        .setMetric("heap.used.bytes")
        .setDetector("leak-trend")
        .setSeverity(Severity.CRITICAL)
        .setScore(0.93)
        .setEventTimeMillis(T0)
        .setEvidence(
            AnomalyEvidence.newBuilder()
                .setValue(3.1e9)
                .setBaseline(1.2e9)
                .setThreshold(Double.NaN)
                .setWindowSizeMillis(600_000)
                .setWindowPoints(600)
                .setDetails(
                    Map.of("slopeBytesPerSecond", 2.1e6, "projectedExhaustionMillis", 840_000.0))
                .build())
        .setMessage("heap.used.bytes on host-3 grows 2.1 MB/s; exhausted in about 14 min")
        .build();
  }

  public static Alert alert() {
    return Alert.newBuilder()
        .setFingerprint("9f2c1ab04e7d33aa")
        .setState(AlertState.FIRING)
        .setSeverity(Severity.CRITICAL)
        .setHostId("host-3")
        .setLabels(Map.of("alertname", "MemoryLeak", "host", "host-3", "severity", "critical"))
        .setAnnotations(Map.of("dashboardUrl", "http://localhost:8080/#/hosts/host-3"))
        .setScore(0.93)
        .setStartsAtMillis(T0)
        .setUpdatedAtMillis(T0.plusSeconds(30))
        .setAnomalyCount(4)
        .setGroupKey("{host=\"host-3\"}")
        .setSilencedBy(List.of())
        .setInhibitedBy(List.of("0011aabb"))
        .setAcknowledgement(
            AlertAcknowledgement.newBuilder()
                .setAcknowledgedBy("alice")
                .setAcknowledgedAtMillis(T0.plusSeconds(60))
                .setComment("looking")
                .build())
        .setLastNotifiedAtMillis(T0.plusSeconds(31))
        .setNotificationCount(1)
        .build();
  }

  public static AlertTransition alertTransition() {
    return AlertTransition.newBuilder()
        .setFingerprint("9f2c1ab04e7d33aa")
        .setSequence(2)
        .setKind(AlertTransitionKind.STATE_CHANGE)
        .setFromState(AlertState.PENDING)
        .setToState(AlertState.FIRING)
        .setSeverity(Severity.CRITICAL)
        .setHostId("host-3")
        .setLabels(Map.of("alertname", "MemoryLeak"))
        .setAtMillis(T0.plusSeconds(30))
        .setReason("for 30s elapsed")
        .build();
  }

  public static ControlCommand controlCommand() {
    return ControlCommand.newBuilder()
        .setCommandId("5b0e6c1e-0f0a-4b8e-9d55-2a51b3c1e001")
        .setTargetHostId("host-3")
        .setIssuedAtMillis(T0)
        .setExpiresAtMillis(T0.plusSeconds(60))
        .setIssuer("alerting")
        .setReason("score 0.97 > 0.9 on tick.duration p99")
        .setAlertFingerprint("9f2c1ab04e7d33aa")
        .setPayloadType("StartProfiling")
        .setPayload(
            StartProfiling.newBuilder()
                .setProfileId("prof-host-3-1")
                .setDurationMillis(30_000)
                .setSamplingIntervalMillis(10)
                .setSlowTickBudgetMicros(16_667L)
                .setThreadFilter("game-loop.*")
                .build())
        .build();
  }

  /** Control commands with each of the other payload types. */
  public static List<ControlCommand> otherControlCommands() {
    return List.of(
        ControlCommand.newBuilder(controlCommand())
            .setCommandId("c-2")
            .setPayloadType("ShedLoad")
            .setPayload(ShedLoad.newBuilder().setFraction(0.3).build())
            .build(),
        ControlCommand.newBuilder(controlCommand())
            .setCommandId("c-3")
            .setAlertFingerprint(null)
            .setPayloadType("RestoreLoad")
            .setPayload(new RestoreLoad())
            .build(),
        ControlCommand.newBuilder(controlCommand())
            .setCommandId("c-4")
            .setPayloadType("StopProfiling")
            .setPayload(io.tickwatch.avro.StopProfiling.newBuilder().build())
            .build());
  }

  public static ProfileChunk profileChunk() {
    return ProfileChunk.newBuilder()
        .setProfileId("prof-host-3-1")
        .setHostId("host-3")
        .setCommandId("5b0e6c1e-0f0a-4b8e-9d55-2a51b3c1e001")
        .setAlertFingerprint("9f2c1ab04e7d33aa")
        .setStartedAtMillis(T0)
        .setEndedAtMillis(T0.plusSeconds(30))
        .setChunkIndex(0)
        .setChunkCount(2)
        .setCodec(CompressionCodec.GZIP)
        .setFormat(ProfilePayloadFormat.COLLAPSED_STACKS)
        .setPayload(
            ByteBuffer.wrap("main;Game.tick;Physics.step 42\n".getBytes(StandardCharsets.UTF_8)))
        .setSummary(
            ProfileSummary.newBuilder()
                .setTotalSamples(3000)
                .setSamplingIntervalMillis(10)
                .setOverheadPercent(0.4)
                .setTopMethods(
                    List.of(
                        HotMethod.newBuilder()
                            .setMethod("com.example.game.Physics.step")
                            .setSelfSamples(1200)
                            .setTotalSamples(1500)
                            .setSelfPercent(40.0)
                            .setTotalPercent(50.0)
                            .build()))
                .setAllocationHotSpots(
                    List.of(
                        AllocationSite.newBuilder()
                            .setMethod("com.example.game.Net.read")
                            .setObjectClass("byte[]")
                            .setAllocatedBytes(1 << 26)
                            .setPercent(61.0)
                            .build()))
                .build())
        .build();
  }

  public static ActionAudit actionAudit() {
    return ActionAudit.newBuilder()
        .setActionId("a-1")
        .setAction(ActionKind.SHED_LOAD)
        .setOutcome(ActionOutcome.ISSUED)
        .setHostId("host-3")
        .setAlertFingerprint("9f2c1ab04e7d33aa")
        .setSeverity(Severity.EMERGENCY)
        .setCommandId("c-2")
        .setAtMillis(T0)
        .setActor("alerting")
        .setReason("score 0.97 > 0.9")
        .setParameters(Map.of("fraction", "0.3"))
        .build();
  }

  public static Experiment experiment() {
    return Experiment.newBuilder()
        .setExperimentId("alloc-pool")
        .setName("Pooled vs fresh allocation")
        .setVariants(
            List.of(
                ExperimentVariant.newBuilder().setName("control").setTrafficShare(0.5).build(),
                ExperimentVariant.newBuilder().setName("pooled").setTrafficShare(0.5).build()))
        .setControlVariant("control")
        .setAssignmentUnit(AssignmentUnit.PLAYER)
        .setMetrics(List.of("action.latency{action=craft}", "tick.duration"))
        .setStatus(ExperimentStatus.RUNNING)
        .setCreatedAtMillis(T0)
        .setStartedAtMillis(T0.plusSeconds(5))
        .setUpdatedAtMillis(T0.plusSeconds(5))
        .build();
  }

  public static AbResult abResult() {
    VariantSummary.Builder variant =
        VariantSummary.newBuilder()
            .setMetric("tick.duration")
            .setN(10_000)
            .setUnits(400)
            .setMean(10_000.0)
            .setStddev(900.0)
            .setP50(9_900.0)
            .setP95(11_500.0)
            .setP99(12_800.0)
            .setErrorCount(3)
            .setErrorRate(3.0 / 10_003);
    return AbResult.newBuilder()
        .setExperimentId("alloc-pool")
        .setEvaluatedAtMillis(T0.plusSeconds(600))
        .setDataStartMillis(T0)
        .setEvaluationIndex(10)
        .setVariants(
            List.of(
                variant.setVariant("control").build(),
                variant.setVariant("pooled").setMean(9_400.0).build()))
        .setComparisons(
            List.of(
                MetricComparison.newBuilder()
                    .setMetric("tick.duration")
                    .setControlVariant("control")
                    .setTreatmentVariant("pooled")
                    .setMeanDifference(-600.0)
                    .setRelativeDifference(-0.06)
                    .setWelchT(-47.1)
                    .setWelchDegreesOfFreedom(19_997.2)
                    .setWelchPValue(1e-300)
                    .setDifferenceCiLow(-625.0)
                    .setDifferenceCiHigh(-575.0)
                    .setMannWhitneyU(3.1e7)
                    .setMannWhitneyZ(-40.2)
                    .setMannWhitneyPValue(0.0)
                    .setMannWhitneyOnBins(true)
                    .setQuantileDifferences(
                        List.of(
                            QuantileDifference.newBuilder()
                                .setQuantile(0.99)
                                .setDifference(-700.0)
                                .setCiLow(-900.0)
                                .setCiHigh(-480.0)
                                .build()))
                    .setSequentialStatistic(1e12)
                    .setSequentialPValue(1e-12)
                    .setEffectSize(-0.66)
                    .setAdjustedPValue(2e-12)
                    .setVerdict(Verdict.BETTER)
                    .build()))
        .setSrmChiSquare(0.4)
        .setSrmPValue(0.53)
        .setVerdict(Verdict.BETTER)
        .setReasons(List.of("tick.duration: pooled 6.0 % lower, adjusted p = 2e-12"))
        .build();
  }

  public static DeadLetter deadLetter() {
    return DeadLetter.newBuilder()
        .setSourceTopic("tickwatch.samples")
        .setSourcePartition(2)
        .setSourceOffset(123_456)
        .setSourceTimestampMillis(T0)
        .setStage(FailureStage.DESERIALIZATION)
        .setApplicationId("tickwatch-stats")
        .setReason("Record from topic 'tickwatch.samples' starts with byte 0x7b")
        .setExceptionClass("io.tickwatch.schemas.serde.UnknownMagicByteException")
        .setOriginalKey(ByteBuffer.wrap("host-1".getBytes(StandardCharsets.UTF_8)))
        .setOriginalValue(ByteBuffer.wrap("{\"oops\":1}".getBytes(StandardCharsets.UTF_8)))
        .setOriginalHeaders(
            List.of(
                DeadLetterHeader.newBuilder()
                    .setKey("trace")
                    .setValue(ByteBuffer.wrap(new byte[] {1, 2}))
                    .build(),
                DeadLetterHeader.newBuilder().setKey("empty").build()))
        .setFailedAtMillis(T0.plusSeconds(1))
        .build();
  }

  private static final List<SpecificRecord> EXAMPLES =
      List.of(
          sampleBatch(),
          rollingStats(),
          anomalyEvent(),
          alert(),
          alertTransition(),
          controlCommand(),
          profileChunk(),
          actionAudit(),
          experiment(),
          abResult(),
          deadLetter());
}
