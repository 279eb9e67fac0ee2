package io.tickwatch.streams.ab;

import static io.tickwatch.streams.ab.AbDriver.T0;
import static io.tickwatch.streams.ab.AbDriver.batch;
import static io.tickwatch.streams.ab.AbDriver.digest;
import static io.tickwatch.streams.ab.AbDriver.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.stats.ab.ArmData;
import io.tickwatch.stats.ab.ComparisonKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregation, cadence, late and out-of-order input, running period and restarts, in event time.
 */
class AbTopologyTest {

  private static final AbConfig CONFIG =
      AbConfig.defaults().withCadence(Duration.ofSeconds(5), Duration.ofSeconds(1));

  @TempDir Path dir;
  @TempDir Path dir2;

  /** One batch of host-1 at {@code t}: control 100 µs x2 + one error, pooled 50 µs x2. */
  private static SampleBatch standard(long t) {
    return batch(
        "host-1",
        t,
        List.of(
            digest("ab.latency", "control", 100, 100),
            digest("ab.errors", "control", 300),
            digest("ab.units", "control", 100),
            digest("ab.latency", "pooled", 50, 50),
            digest("ab.units", "pooled", 50),
            digest("tick.duration", "control", 16000)));
  }

  @Test
  void shouldAggregateEveryVariantsDigestsIntoOneArmPerMetric() {
    RecordingAnalysis analysis = new RecordingAnalysis();
    try (AbDriver d = new AbDriver(CONFIG, analysis, dir)) {
      d.experiment(running(ExperimentStatus.RUNNING));
      for (int i = 0; i < 50; i++) { // 0 .. 4.9 s: the first window
        d.pipe(standard(T0 + i * 100L));
        d.pipe(
            batch(
                "host-2",
                T0 + i * 100L,
                List.of(digest("ab.latency", "control", 200), digest("ab.latency", "pooled", 20))));
      }
      d.pipe(standard(T0 + 6_000)); // watermark 6 s passes 5 s + 1 s grace: window 1 closes

      assertThat(d.results()).hasSize(1);
      RecordingAnalysis.Call call = analysis.calls.get(0);
      assertThat(call.spec().metrics()).containsExactly("ab.latency");
      assertThat(call.arms()).hasSize(2);
      ArmData control = call.arm("control", "ab.latency");
      assertThat(control.n()).isEqualTo(150);
      assertThat(control.mean()).isCloseTo((100 * 100 + 50 * 200) / 150.0, within(1e-9));
      assertThat(control.sampleVariance()).isCloseTo(2238.3, within(2238.3 * 0.03));
      assertThat(control.errorCount()).isEqualTo(50);
      assertThat(control.units()).isEqualTo(50);
      assertThat(control.sketch().count()).isEqualTo(150);
      ArmData pooled = call.arm("pooled", "ab.latency");
      assertThat(pooled.n()).isEqualTo(150);
      assertThat(pooled.errorCount()).isZero();
      assertThat(pooled.units()).isEqualTo(50);
      assertThat(pooled.sketch().quantile(0.99)).isCloseTo(50, within(1.0));
    }
  }

  @Test
  void shouldEmitOneResultPerClosedWindowWithIncreasingIndexAndCarriedPValues() {
    RecordingAnalysis analysis = new RecordingAnalysis();
    try (AbDriver d = new AbDriver(CONFIG, analysis, dir)) {
      d.experiment(running(ExperimentStatus.RUNNING));
      for (int i = 0; i < 200; i++) { // 0 .. 19.9 s
        d.pipe(standard(T0 + i * 100L));
      }
      List<AbResult> results = d.results();
      // windows end at 5, 10, 15 s; the 20 s window waits for the watermark to reach 21 s
      assertThat(results)
          .extracting(r -> r.getEvaluatedAtMillis().toEpochMilli() - T0)
          .containsExactly(5_000L, 10_000L, 15_000L);
      assertThat(results).extracting(AbResult::getEvaluationIndex).containsExactly(0L, 1L, 2L);
      assertThat(results)
          .extracting(r -> r.getComparisons().get(0).getSequentialPValue())
          .containsExactly(1.0, 0.5, 0.25);
      assertThat(results).allMatch(r -> r.getDataStartMillis().equals(Instant.ofEpochMilli(T0)));
      assertThat(analysis.calls.get(2).previous())
          .containsEntry(new ComparisonKey("ab.latency", "pooled"), 0.5);
      // cumulative since the start: 50 batches x 2 values per window
      assertThat(analysis.calls)
          .extracting(c -> c.arm("control", "ab.latency").n())
          .containsExactly(100L, 200L, 300L);
      assertThat(results.get(2).getVariants())
          .filteredOn(v -> v.getVariant().equals("control"))
          .extracting(io.tickwatch.avro.VariantSummary::getN)
          .containsExactly(300L);
    }
  }

  @Test
  void shouldPlaceOutOfOrderDataInItsWindowAndCountLateDataInTheNextEvaluation() {
    RecordingAnalysis analysis = new RecordingAnalysis();
    try (AbDriver d = new AbDriver(CONFIG, analysis, dir)) {
      d.experiment(running(ExperimentStatus.RUNNING));
      d.pipe(standard(T0 + 5_500)); // window 2 first
      d.pipe(standard(T0 + 4_900)); // out of order, within grace: window 1
      d.pipe(standard(T0 + 6_000)); // closes window 1
      assertThat(analysis.calls).hasSize(1);
      assertThat(analysis.calls.get(0).arm("control", "ab.latency").n()).isEqualTo(2);

      d.pipe(standard(T0 + 1_000)); // late: window 1 is closed already
      assertThat(d.results()).hasSize(1);
      d.pipe(standard(T0 + 11_000)); // closes window 2 (5.5 s, 6 s and the late record)
      assertThat(analysis.calls).hasSize(2);
      assertThat(analysis.calls.get(1).arm("control", "ab.latency").n()).isEqualTo(8);
    }
  }

  @Test
  void shouldIgnoreUnknownDraftAndNotStartedExperimentsAndOtherSeries() {
    RecordingAnalysis analysis = new RecordingAnalysis();
    try (AbDriver d = new AbDriver(CONFIG, analysis, dir)) {
      d.pipe(standard(T0)).pipe(standard(T0 + 7_000)); // unknown experiment
      d.experiment(running(ExperimentStatus.DRAFT));
      d.pipe(standard(T0 + 8_000)).pipe(standard(T0 + 14_000));
      assertThat(d.results()).isEmpty();

      d.experiment(running(ExperimentStatus.RUNNING));
      d.pipe(standard(T0 - 10_000)); // before startedAtMillis
      d.pipe(batch("host-1", T0 + 15_000, List.of(digest("other", "ab.latency", "control", 1))));
      d.pipe(standard(T0 + 16_000)).pipe(standard(T0 + 22_000));
      assertThat(d.results()).hasSize(1);
      assertThat(analysis.calls.get(0).arm("control", "ab.latency").n()).isEqualTo(2);
      assertThat(d.results().get(0).getDataStartMillis().toEpochMilli()).isEqualTo(T0 + 16_000);
    }
  }

  @Test
  void shouldCountABatchThatStraddlesTheStartButNotOneThatEndsAtIt() {
    RecordingAnalysis analysis = new RecordingAnalysis();
    try (AbDriver d = new AbDriver(CONFIG, analysis, dir)) {
      d.experiment(running(ExperimentStatus.RUNNING)); // started at T0
      // 100 slots of 1 ms: [T0 - 100, T0) is all before the start; [T0 - 40, T0 + 60) is not, and
      // an agent records units only once it has seen the experiment RUNNING, so its first batch
      // carries every unit first seen right after the start
      d.pipe(batch("host-1", T0 - 100, List.of(digest("ab.units", "control", 1, 1, 1))));
      d.pipe(
          batch(
              "host-1",
              T0 - 40,
              List.of(
                  digest("ab.latency", "control", 100),
                  digest("ab.units", "control", 1, 1, 1, 1, 1, 1, 1),
                  digest("ab.latency", "pooled", 50),
                  digest("ab.units", "pooled", 1, 1))));
      d.pipe(standard(T0 + 6_000)); // closes the first window

      assertThat(d.results()).hasSize(1);
      RecordingAnalysis.Call call = analysis.calls.get(0);
      assertThat(call.arm("control", "ab.latency").units()).isEqualTo(7);
      assertThat(call.arm("control", "ab.latency").n()).isEqualTo(1);
      assertThat(call.arm("pooled", "ab.latency").units()).isEqualTo(2);
    }
  }

  @Test
  void shouldIgnoreDataAfterTheStop() {
    RecordingAnalysis analysis = new RecordingAnalysis();
    try (AbDriver d = new AbDriver(CONFIG, analysis, dir)) {
      d.experiment(
          io.tickwatch.avro.Experiment.newBuilder(running(ExperimentStatus.STOPPED))
              .setStoppedAtMillis(Instant.ofEpochMilli(T0 + 3_000))
              .build());
      d.pipe(standard(T0 + 1_000)).pipe(standard(T0 + 4_000)).pipe(standard(T0 + 9_000));
      assertThat(d.results()).isEmpty(); // 9 s is after the stop: the watermark stays at 1 s
    }
  }

  @Test
  void shouldResumeAfterARestartWithTheSameResultsAsAnUninterruptedRun() {
    RecordingAnalysis straight = new RecordingAnalysis();
    List<AbResult> expected;
    try (AbDriver d = new AbDriver(CONFIG, straight, dir)) {
      d.experiment(running(ExperimentStatus.RUNNING));
      for (int i = 0; i < 170; i++) {
        d.pipe(standard(T0 + i * 100L));
      }
      expected = List.copyOf(d.results());
    }
    RecordingAnalysis restarted = new RecordingAnalysis();
    AbDriver d = new AbDriver(CONFIG, restarted, dir2);
    try {
      d.experiment(running(ExperimentStatus.RUNNING));
      for (int i = 0; i < 170; i++) {
        if (i == 77) {
          List<AbResult> before = List.copyOf(d.results());
          d = d.restart(CONFIG, restarted, dir, running(ExperimentStatus.RUNNING));
          d.results().addAll(before);
        }
        d.pipe(standard(T0 + i * 100L));
      }
      assertThat(expected).hasSize(3);
      assertThat(d.results()).isEqualTo(expected);
    } finally {
      d.close();
    }
  }

  @Test
  void shouldPinEveryProcessorStoreAndTopicName() {
    TopologyDescription description =
        AbTopology.build(CONFIG, new io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient())
            .describe();
    Set<String> names = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        names.add(node.name());
        if (node instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        }
      }
    }
    for (TopologyDescription.GlobalStore global : description.globalStores()) {
      names.add(global.source().name());
      names.add(global.processor().name());
      stores.addAll(global.processor().stores());
    }
    assertThat(names)
        .contains(
            "ab-samples-source",
            "ab-split-by-experiment",
            "ab-by-experiment-repartition-filter",
            "ab-by-experiment-repartition-sink",
            "ab-by-experiment-repartition-source",
            "ab-evaluate",
            "ab-results-sink",
            "ab-experiments-source");
    assertThat(stores).containsExactlyInAnyOrder("ab-state", "ab-experiments");
  }
}
