package io.tickwatch.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.avro.VariantSummary;
import io.tickwatch.avro.Verdict;
import io.tickwatch.cli.Main;
import io.tickwatch.producer.TickwatchAgent;
import io.tickwatch.producer.experiment.ExperimentFeed;
import io.tickwatch.producer.experiment.ExperimentHandle;
import io.tickwatch.producer.experiment.Experiments;
import io.tickwatch.producer.experiment.UnitOfWork;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.streams.ab.AbConfig;
import io.tickwatch.streams.app.AbApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real KRaft broker and registry: the CLI creates and starts an experiment, an
 * agent following the experiments topic times units of work whose cost really differs per variant,
 * the A/B app aggregates them and writes evaluations, and {@code experiment show} reads the
 * verdict.
 */
class ExperimentPipelineIT {

  private static final String ID = "pipeline-it";

  @TempDir Path dir;

  private static String cli(KafkaStack stack, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--bootstrap-servers";
    all[args.length + 1] = stack.bootstrapServers();
    all[args.length + 2] = "--schema-registry-url";
    all[args.length + 3] = stack.registryUrl();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as("%s: %s", String.join(" ", args), err).isZero();
    return out.toString();
  }

  /** Spins for {@code micros}: a unit of work with a known cost (no sleeping). */
  private static long work(long micros) {
    long end = System.nanoTime() + micros * 1000;
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    return spins;
  }

  private static void generateUntil(ExperimentHandle experiment, BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    int unit = 0;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 120 s").isLessThan(deadline);
      for (int i = 0; i < 2000; i++) {
        try (UnitOfWork w = experiment.start("session-" + (unit++ % 500))) {
          work(w.is("pooled") ? 20 : 60);
        }
      }
    }
  }

  @Test
  void shouldReachABetterVerdictFromAgentThroughKafkaAndTheAbApp() throws Exception {
    try (KafkaStack stack = KafkaStack.start()) {
      assertThat(
              cli(
                  stack,
                  "experiment",
                  "create",
                  ID,
                  "--variant",
                  "fresh=0.5",
                  "--variant",
                  "pooled=0.5",
                  "--unit",
                  "SESSION"))
          .contains("Created experiment " + ID + " (DRAFT)");
      try (StreamsApp app =
              AbApp.create(
                  StreamsAppConfig.defaults()
                      .withApplicationId("ab-it")
                      .withCluster(stack.bootstrapServers(), stack.registryUrl())
                      .withDataDir(dir)
                      .withQueryPort(0),
                  AbConfig.defaults().withCadence(Duration.ofSeconds(2), Duration.ofMillis(500)),
                  stack.registryClient);
          TickwatchAgent agent =
              TickwatchAgent.builder("it-host")
                  .bootstrapServers(stack.bootstrapServers())
                  .schemaRegistryUrl(stack.registryUrl())
                  .systemCollectors(false)
                  .build()
                  .start();
          Experiments experiments =
              Experiments.of(agent)
                  .followTopic(
                      ExperimentFeed.connect(stack.bootstrapServers(), stack.registryUrl()));
          ExperimentTopics topics =
              new ExperimentTopics(stack.bootstrapServers(), stack.registryUrl())) {
        app.start();
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        ExperimentHandle experiment = experiments.follow(ID);
        generateUntil(experiment, () -> experiment.spec() != null);
        assertThat(experiment.running()).isFalse();
        assertThat(experiment.variant("session-1")).isEqualTo("fresh");

        cli(stack, "experiment", "start", ID);
        generateUntil(experiment, experiment::running);
        // a verdict, and at least three looks so the evaluation index is seen counting
        generateUntil(
            experiment,
            () ->
                topics
                    .latestResult(ID)
                    .map(r -> r.getVerdict() == Verdict.BETTER && r.getEvaluationIndex() >= 2)
                    .orElse(false));

        AbResult result = topics.latestResult(ID).orElseThrow();
        assertThat(result.getExperimentId()).isEqualTo(ID);
        assertThat(result.getSrmPValue()).isGreaterThan(0.001);
        assertThat(result.getComparisons().get(0).getTreatmentVariant()).isEqualTo("pooled");
        assertThat(result.getComparisons().get(0).getMeanDifference()).isNegative();
        assertThat(result.getVariants())
            .extracting(VariantSummary::getUnits)
            .allMatch(u -> u > 100);
        List<Long> indices = topics.results(ID).stream().map(AbResult::getEvaluationIndex).toList();
        assertThat(indices).startsWith(0L, 1L, 2L).doesNotHaveDuplicates().isSorted();
        assertThat(cli(stack, "experiment", "show", ID)).contains("Verdict BETTER");
        assertThat(cli(stack, "experiment", "list")).contains(ID).contains("RUNNING");

        cli(stack, "experiment", "stop", ID);
        generateUntil(experiment, () -> !experiment.running());
        assertThat(experiment.variant("session-2")).isEqualTo("fresh");
        Optional<io.tickwatch.avro.Experiment> stopped = topics.experiment(ID);
        assertThat(stopped)
            .get()
            .extracting(e -> e.getStatus())
            .isEqualTo(ExperimentStatus.STOPPED);
      }
    }
  }
}
