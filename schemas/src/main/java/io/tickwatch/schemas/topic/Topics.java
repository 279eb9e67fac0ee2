package io.tickwatch.schemas.topic;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.DeadLetter;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every Tickwatch topic. {@code docs/topics.md} documents the same topics for
 * other teams, and a test keeps the two in step. Topic bootstrap creates exactly {@link #all()}.
 */
public final class Topics {
  private static final long FOREVER = -1L;

  /** Raw samples from every agent: the input of every topology and of replay. */
  public static final TopicSpec<SampleBatch> SAMPLES =
      new TopicSpec<>(
          "tickwatch.samples",
          "producer",
          List.of("producer (agent)", "cli (import, simulated game servers)"),
          "host id",
          SampleBatch.class,
          6,
          Duration.ofDays(7).toMillis(),
          false,
          List.of(
              "streams-app (rolling stats, anomalies, A/B)",
              "cli (replay, export, bench)",
              "other teams"),
          "Every metric's 1 ms samples and latency digests of one host, one record per publish"
              + " interval (100 ms by default).");

  /** Final windowed statistics (emitted when a window closes), per host and fleet-wide. */
  public static final TopicSpec<RollingStats> STATS =
      new TopicSpec<>(
          "tickwatch.stats",
          "streams-app",
          List.of("streams-app (rolling-stats topology)"),
          "<hostId>/<metric>[{k=v,...}], '*' as host id for fleet-wide",
          RollingStats.class,
          6,
          Duration.ofDays(30).toMillis(),
          false,
          List.of("streams-app (anomaly detectors)", "dashboard (history)", "other teams"),
          "One final result per series and closed 1 s / 10 s / 1 min / 1 h window.");

  /** Early updates of still-open windows, for the live view; short retention. */
  public static final TopicSpec<RollingStats> STATS_LIVE =
      new TopicSpec<>(
          "tickwatch.stats-live",
          "streams-app",
          List.of("streams-app (rolling-stats topology)"),
          "<hostId>/<metric>[{k=v,...}], '*' as host id for fleet-wide",
          RollingStats.class,
          6,
          Duration.ofHours(1).toMillis(),
          false,
          List.of("dashboard (live view)"),
          "Early updates (finalResult = false) of windows that are still open.");

  /** Anomaly events from the detectors. */
  public static final TopicSpec<AnomalyEvent> ANOMALIES =
      new TopicSpec<>(
          "tickwatch.anomalies",
          "streams-app",
          List.of("streams-app (anomaly topology)"),
          "host id",
          AnomalyEvent.class,
          3,
          Duration.ofDays(30).toMillis(),
          false,
          List.of("alerting", "dashboard", "other teams"),
          "Anomaly events (and recoveries) with severity, score, evidence and a stable"
              + " fingerprint.");

  /**
   * Run-time detector rules of the anomaly topology, compacted: one rule per key (the rule id),
   * JSON values (not Avro: operators write them by hand, in the same format as the rule file); a
   * tombstone removes the override.
   */
  public static final TopicSpec<String> ANOMALY_RULES =
      new TopicSpec<>(
          "tickwatch.anomaly-rules",
          "streams-app",
          List.of("operators (kafka-console-producer, cli)"),
          "rule id",
          String.class,
          1,
          FOREVER,
          true,
          List.of("streams-app (anomaly topology)"),
          "Detector rules (JSON) that override or extend the anomaly topology's rules by id.");

  /** Current alert set, compacted. */
  public static final TopicSpec<Alert> ALERTS =
      new TopicSpec<>(
          "tickwatch.alerts",
          "alerting",
          List.of("alerting"),
          "alert fingerprint",
          Alert.class,
          3,
          FOREVER,
          true,
          List.of("alerting (state restore on restart)", "dashboard"),
          "The latest state of every alert; a tombstone removes an alert.");

  /** Every alert transition, append-only. */
  public static final TopicSpec<AlertTransition> ALERT_HISTORY =
      new TopicSpec<>(
          "tickwatch.alert-history",
          "alerting",
          List.of("alerting"),
          "alert fingerprint",
          AlertTransition.class,
          3,
          Duration.ofDays(90).toMillis(),
          false,
          List.of("alerting (history over HTTP)", "dashboard"),
          "Every state change, acknowledgement, silence and notification of every alert.");

  /** Commands to agents. */
  public static final TopicSpec<ControlCommand> CONTROL =
      new TopicSpec<>(
          "tickwatch.control",
          "alerting",
          List.of("alerting (closed loop)", "cli", "dashboard"),
          "target host id",
          ControlCommand.class,
          3,
          Duration.ofDays(1).toMillis(),
          false,
          List.of("producer (agent control listener)"),
          "Profiling and load-shedding commands addressed to one host's agent.");

  /** Profile reports, chunked. */
  public static final TopicSpec<ProfileChunk> PROFILES =
      new TopicSpec<>(
          "tickwatch.profiles",
          "producer",
          List.of("producer (agent profiler)"),
          "profile id",
          ProfileChunk.class,
          3,
          Duration.ofDays(7).toMillis(),
          false,
          List.of("dashboard (flame graphs)", "alerting (links profiles to alerts)"),
          "Profiling reports (collapsed stacks, compressed, chunked) with a summary on chunk"
              + " 0.");

  /** Experiment definitions, compacted. */
  public static final TopicSpec<Experiment> EXPERIMENTS =
      new TopicSpec<>(
          "tickwatch.experiments",
          "cli",
          List.of("cli (experiment create/start/stop)", "dashboard"),
          "experiment id",
          Experiment.class,
          1,
          FOREVER,
          true,
          List.of("producer (variant assignment)", "streams-app (A/B topology)", "dashboard"),
          "The latest definition and status of every A/B experiment.");

  /** A/B evaluations. */
  public static final TopicSpec<AbResult> AB_RESULTS =
      new TopicSpec<>(
          "tickwatch.ab-results",
          "streams-app",
          List.of("streams-app (A/B topology)"),
          "experiment id",
          AbResult.class,
          3,
          Duration.ofDays(30).toMillis(),
          false,
          List.of("dashboard", "cli (experiment status)"),
          "Periodic evaluations of running experiments: per-variant statistics, tests, verdict.");

  /** Audit of closed-loop and manual actions. */
  public static final TopicSpec<ActionAudit> ACTIONS =
      new TopicSpec<>(
          "tickwatch.actions",
          "alerting",
          List.of("alerting (closed loop)", "cli", "dashboard"),
          "target host id",
          ActionAudit.class,
          3,
          Duration.ofDays(90).toMillis(),
          false,
          List.of("alerting (actions over HTTP)", "dashboard"),
          "Every action decided (issued, dry-run, suppressed, failed) with its reason.");

  /**
   * Silences of the alerting service, compacted: JSON values (not Avro), read back by alerting on
   * start so that a restart does not lift a silence.
   */
  public static final TopicSpec<String> SILENCES =
      new TopicSpec<>(
          "tickwatch.silences",
          "alerting",
          List.of("alerting (HTTP API)"),
          "silence id",
          String.class,
          1,
          FOREVER,
          true,
          List.of("alerting (restore on restart)", "dashboard"),
          "Every silence (matchers, start, end, author) as JSON; a tombstone removes one a day"
              + " after it ended.");

  /** Records that could not be deserialized, processed or produced. */
  public static final TopicSpec<DeadLetter> DEAD_LETTER =
      new TopicSpec<>(
          "tickwatch.dead-letter",
          "streams-app",
          List.of("streams-app", "alerting", "dashboard"),
          "source topic name",
          DeadLetter.class,
          3,
          Duration.ofDays(14).toMillis(),
          false,
          List.of("operators (cli)", "dashboard"),
          "Failed records with their original bytes and the reason.");

  /**
   * The embedded schema registry's store, in the format of Confluent's {@code _schemas} topic: JSON
   * keys and JSON values, not Avro. One partition, so that ids are assigned in order.
   */
  public static final TopicSpec<String> SCHEMAS =
      new TopicSpec<>(
          "tickwatch.schemas",
          "schemas",
          List.of("schemas (embedded schema registry)"),
          "JSON, as Confluent's _schemas topic: {\"keytype\":\"SCHEMA\",\"subject\":...,"
              + "\"version\":...,\"magic\":1} or {\"keytype\":\"CONFIG\",...}",
          String.class,
          1,
          FOREVER,
          true,
          List.of("schemas (embedded schema registry)"),
          "Registered schemas and compatibility settings (JSON), read back on start.");

  private static final List<TopicSpec<?>> ALL =
      List.of(
          SAMPLES,
          STATS,
          STATS_LIVE,
          ANOMALIES,
          ANOMALY_RULES,
          ALERTS,
          ALERT_HISTORY,
          CONTROL,
          PROFILES,
          EXPERIMENTS,
          AB_RESULTS,
          ACTIONS,
          SILENCES,
          DEAD_LETTER,
          SCHEMAS);

  private Topics() {}

  /** Every topic, in a stable order. */
  public static List<TopicSpec<?>> all() {
    return ALL;
  }

  /** The topic with this name, if it is in the catalogue. */
  public static Optional<TopicSpec<?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
