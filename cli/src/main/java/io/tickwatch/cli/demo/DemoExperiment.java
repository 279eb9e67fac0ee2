package io.tickwatch.cli.demo;

import io.tickwatch.avro.AssignmentUnit;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentStatus;
import io.tickwatch.cli.experiment.ExperimentDefinition;
import io.tickwatch.cli.experiment.ExperimentTopics;
import io.tickwatch.cli.sim.SnapshotSender;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The demo's A/B experiment {@value #ID}: snapshot buffers allocated fresh per send (control)
 * against one pooled buffer, 50/50 by session, compared on the unit-of-work latency and CPU time.
 * The demo creates and starts it on {@code tickwatch.experiments} like {@code tickwatch experiment
 * create --start} would; the game servers' agents follow the topic.
 */
public final class DemoExperiment {

  /** Experiment id. */
  public static final String ID = "snapshot-buffers";

  private DemoExperiment() {}

  /** The definition. */
  public static ExperimentDefinition definition() {
    return new ExperimentDefinition(
        ID,
        "Pooled snapshot buffers",
        "World snapshots: a fresh 32 KiB buffer per send (control) against one pooled buffer",
        List.of(SnapshotSender.FRESH + "=0.5", SnapshotSender.POOLED + "=0.5"),
        SnapshotSender.FRESH,
        AssignmentUnit.SESSION,
        "",
        List.of("ab.latency", "ab.cpu"),
        true,
        0.05,
        "demo");
  }

  /**
   * Creates and starts the experiment unless it is running already (a demo restarted on the same
   * data directory keeps its experiment and results).
   *
   * @return a one-line description of what was done
   */
  public static String ensureRunning(String bootstrapServers, String schemaRegistryUrl) {
    try (ExperimentTopics topics = new ExperimentTopics(bootstrapServers, schemaRegistryUrl)) {
      Optional<Experiment> existing = topics.experiment(ID);
      if (existing.isPresent() && existing.get().getStatus() == ExperimentStatus.RUNNING) {
        return "experiment " + ID + " is running since " + existing.get().getStartedAtMillis();
      }
      Instant now = Instant.now();
      topics.write(ExperimentDefinition.started(definition().toRecord(now), now));
      return "experiment "
          + ID
          + " created and started ("
          + SnapshotSender.FRESH
          + " vs "
          + SnapshotSender.POOLED
          + " snapshot buffers, 50/50 by session)";
    }
  }
}
