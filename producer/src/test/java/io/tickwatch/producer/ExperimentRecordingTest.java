package io.tickwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.ExperimentVariant;
import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.producer.experiment.ExperimentHandle;
import io.tickwatch.producer.experiment.ExperimentSpec;
import io.tickwatch.producer.experiment.Experiments;
import io.tickwatch.producer.experiment.Metering;
import io.tickwatch.producer.experiment.UnitOfWork;
import io.tickwatch.producer.experiment.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The experiment API recording into a real agent's sample batches. */
class ExperimentRecordingTest {

  private static final List<Variant> HALF =
      List.of(new Variant("control", 0.5), new Variant("pooled", 0.5));

  private final MockProducer<String, byte[]> mock =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final TickwatchAgent agent =
      TickwatchAgent.builder("host-1")
          .bootstrapServers("127.0.0.1:1")
          .valueSerializer(new AvroTestSerde())
          .controlEnabled(false)
          .systemCollectors(false)
          .publishInterval(Duration.ofMillis(10))
          .manualSampling()
          .producerFactory(config -> mock)
          .build()
          .start();

  @AfterEach
  void close() {
    agent.close();
  }

  private SampleBatch publishOneBatch() {
    int before = mock.history().size();
    agent.sampleSlots(10);
    Await.until("a batch", () -> mock.history().size() > before);
    return AvroTestSerde.decode(mock.history().get(before).value());
  }

  private static Map<String, Long> counts(SampleBatch batch, String name) {
    return batch.getLatencies().stream()
        .filter(d -> d.getName().equals(name))
        .collect(Collectors.toMap(d -> d.getLabels().get("variant"), LatencyDigest::getCount));
  }

  @Test
  void shouldPublishLatencyErrorsAndDistinctUnitsPerVariantWithExperimentLabels() {
    ExperimentHandle experiment =
        Experiments.of(agent, Metering.CPU_AND_ALLOCATION)
            .declare(
                ExperimentSpec.running("tick-buffers", AssignmentUnit.SESSION, "control", HALF));
    long[] expectedOk = new long[2];
    long[] expectedErrors = new long[2];
    long[] expectedUnits = new long[2];
    for (int u = 0; u < 200; u++) {
      String unit = "session-" + u;
      int variant = experiment.variantIndex(unit);
      expectedUnits[variant]++;
      for (int work = 0; work < 3; work++) {
        try (UnitOfWork w = experiment.start(unit)) {
          assertThat(w.variant()).isEqualTo(HALF.get(variant).name());
          if (work == 2 && u % 4 == 0) {
            w.fail();
            expectedErrors[variant]++;
          } else {
            expectedOk[variant]++;
          }
        }
      }
    }
    SampleBatch batch = publishOneBatch();

    assertThat(counts(batch, "ab.latency"))
        .containsEntry("control", expectedOk[0])
        .containsEntry("pooled", expectedOk[1]);
    assertThat(counts(batch, "ab.errors"))
        .containsEntry("control", expectedErrors[0])
        .containsEntry("pooled", expectedErrors[1]);
    assertThat(counts(batch, "ab.units"))
        .containsEntry("control", expectedUnits[0])
        .containsEntry("pooled", expectedUnits[1]);
    assertThat(counts(batch, "ab.cpu").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(600);
    assertThat(batch.getLatencies())
        .filteredOn(d -> d.getName().startsWith("ab."))
        .allSatisfy(d -> assertThat(d.getLabels()).containsEntry("experiment", "tick-buffers"));

    // the units are known now: the next batch counts work but no new units
    for (int u = 0; u < 200; u++) {
      experiment.record("session-" + u, 1_000, false);
    }
    SampleBatch next = publishOneBatch();
    assertThat(counts(next, "ab.units")).isEmpty();
    assertThat(counts(next, "ab.latency").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(200);
  }

  @Test
  void shouldAssignControlAndRecordNothingUntilRunningAndAfterStopping() {
    Experiments experiments = Experiments.of(agent);
    ExperimentHandle followed = experiments.follow("tick-buffers");
    assertThat(followed.variantIndex("session-1")).isEqualTo(-1);
    try (UnitOfWork w = followed.start("session-1")) {
      assertThat(w.variant()).isNull();
    }

    experiments.apply("tick-buffers", record(ExperimentStatus.DRAFT));
    assertThat(followed.variant("session-1")).isEqualTo("control");
    experiments.apply("tick-buffers", record(ExperimentStatus.RUNNING));
    int treated = 0;
    for (int u = 0; u < 100; u++) {
      try (UnitOfWork w = followed.start("session-" + u)) {
        treated += w.is("pooled") ? 1 : 0;
      }
    }
    assertThat(treated).isBetween(25, 75);
    SampleBatch running = publishOneBatch();
    assertThat(counts(running, "ab.latency").values().stream().mapToLong(l -> l).sum())
        .isEqualTo(100);
    assertThat(counts(running, "ab.alloc.kb").values().stream().mapToLong(l -> l).sum())
        .isEqualTo(100);
    assertThat(counts(running, "ab.cpu")).isEmpty(); // the default metering reads no CPU clock

    experiments.apply("tick-buffers", record(ExperimentStatus.STOPPED));
    for (int u = 0; u < 100; u++) {
      try (UnitOfWork w = followed.start("session-" + u)) {
        assertThat(w.variant()).isEqualTo("control");
      }
    }
    assertThat(counts(publishOneBatch(), "ab.latency")).isEmpty();

    experiments.apply("tick-buffers", null); // tombstone
    assertThat(followed.variantIndex("session-1")).isEqualTo(-1);
  }

  @Test
  void shouldKeepTheLastDefinitionWhenAnInvalidOneArrives() {
    Experiments experiments = Experiments.of(agent);
    ExperimentHandle followed = experiments.follow("tick-buffers");
    experiments.apply("tick-buffers", record(ExperimentStatus.RUNNING));
    Experiment broken =
        Experiment.newBuilder(record(ExperimentStatus.RUNNING)).setControlVariant("nope").build();
    experiments.apply("tick-buffers", broken);
    assertThat(followed.running()).isTrue();
    assertThat(followed.spec().controlVariant()).isEqualTo("control");
  }

  @Test
  void shouldListEveryProblemOfAnInvalidSpec() {
    assertThatThrownBy(
            () ->
                new ExperimentSpec(
                    "Bad Id",
                    List.of(new Variant("a", 0.7), new Variant("a", 0.7)),
                    "c",
                    null,
                    "",
                    true))
        .hasMessageContaining("[a-z0-9-]+")
        .hasMessageContaining("listed twice")
        .hasMessageContaining("sum to 1")
        .hasMessageContaining("control variant 'c'")
        .hasMessageContaining("assignment unit");
  }

  @Test
  void shouldNotAllocateOnTheHotPathAfterTheFirstUnit() {
    ExperimentHandle experiment =
        Experiments.of(agent, Metering.CPU_AND_ALLOCATION)
            .declare(
                ExperimentSpec.running("tick-buffers", AssignmentUnit.PLAYER, "control", HALF));
    String[] units = new String[64];
    for (int i = 0; i < units.length; i++) {
      units[i] = "player-" + i;
    }
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 3; round++) { // warm up: cells, thread locals, unit table
      for (String unit : units) {
        try (UnitOfWork w = experiment.start(unit)) {
          w.variantIndex();
        }
      }
    }
    long before = bean.getCurrentThreadAllocatedBytes();
    for (int round = 0; round < 1000; round++) {
      for (String unit : units) {
        try (UnitOfWork w = experiment.start(unit)) {
          w.variantIndex();
        }
      }
    }
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    // 64 000 units: anything per unit would be >= 1 MB; allow a few KB for the JIT's own work
    assertThat(allocated).isLessThan(64 * 1024);
  }

  private static Experiment record(ExperimentStatus status) {
    return Experiment.newBuilder()
        .setExperimentId("tick-buffers")
        .setVariants(
            List.of(
                new ExperimentVariant("control", 0.5, ""),
                new ExperimentVariant("pooled", 0.5, "")))
        .setControlVariant("control")
        .setAssignmentUnit(AssignmentUnit.SESSION)
        .setStatus(status)
        .setCreatedAtMillis(Instant.EPOCH)
        .setUpdatedAtMillis(Instant.EPOCH)
        .build();
  }
}
