package io.tickwatch.cli.bench.pipeline;

import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.streams.anomaly.AnomalyConfig;
import io.tickwatch.streams.anomaly.AnomalyTopology;
import io.tickwatch.streams.app.AnomalyApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The anomaly phase of the pipeline benchmark: the real anomaly application ({@link AnomalyApp},
 * default rules, its recommended properties, one stream thread) reads the statistics topic the
 * throughput phase filled, from the beginning. Measured from the moment it is RUNNING until its
 * committed offsets reach the end of the statistics topic and then of its by-host repartition topic
 * (every record through the detectors). The offsets only advance at a commit, so the app commits at
 * the rolling-statistics app's interval (100 ms unless overridden) instead of its recommended 1 s:
 * more transactions and changelog writes than in production (the rate is, if anything, low), but a
 * catch-up signal precise to about two commit intervals.
 */
public final class AnomalyPhase {

  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);

  /**
   * @param statsRecords records on the statistics topic (final host and fleet records)
   * @param seconds wall seconds from RUNNING until caught up
   * @param hostSeconds host-seconds of event time the records cover
   * @param events anomaly events emitted
   * @param statsProducedPerSecond statistics records per second the rolling-statistics app produced
   *     in the throughput phase
   */
  public record Result(
      long statsRecords,
      double seconds,
      long hostSeconds,
      long events,
      double statsProducedPerSecond) {

    public double recordsPerSecond() {
      return statsRecords / seconds;
    }

    public double hostSecondsPerSecond() {
      return hostSeconds / seconds;
    }

    /** Records per second consumed ÷ records per second the rolling statistics produced. */
    public double headroom() {
      return recordsPerSecond() / statsProducedPerSecond;
    }

    public boolean keepsUp() {
      return headroom() >= 1.0;
    }
  }

  /** Topic names of the phase. */
  record Topics(String stats, String anomalies, String rules, String deadLetter) {
    List<String> created() {
      return List.of(anomalies, rules, deadLetter);
    }
  }

  private final Admin admin;
  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final SchemaRegistryClient registry;
  private final Path dataDir;
  private final Consumer<String> console;

  AnomalyPhase(
      Admin admin,
      String bootstrapServers,
      String schemaRegistryUrl,
      SchemaRegistryClient registry,
      Path dataDir,
      Consumer<String> console) {
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
    this.registry = registry;
    this.dataDir = dataDir;
    this.console = console;
  }

  /**
   * Runs the phase.
   *
   * @param appId application id of the anomaly app (a new consumer group)
   * @param topics the statistics topic (filled) and the anomaly app's topics (created, empty)
   * @param statsSeconds wall seconds the rolling-statistics app took to produce them
   * @param hostSeconds host-seconds of event time the statistics cover
   * @param commitInterval the anomaly app's commit interval
   */
  Result run(
      String appId, Topics topics, double statsSeconds, long hostSeconds, Duration commitInterval)
      throws InterruptedException {
    Map<TopicPartition, Long> statsEnd = Offsets.end(admin, topics.stats());
    long statsRecords = RecordCounter.count(bootstrapServers, statsEnd);
    double producedPerSecond = statsRecords / statsSeconds;
    console.accept(
        String.format(
            Locale.ROOT,
            "[2b/3] anomalies: the anomaly app (default rules, 1 stream thread, commit interval %d"
                + " ms) reads the %d statistics records from the beginning (rolling stats produced"
                + " them at %.0f records/s) ...",
            commitInterval.toMillis(),
            statsRecords,
            producedPerSecond));
    Map<String, String> keys = new HashMap<>();
    keys.put(AnomalyConfig.STATS_TOPIC, topics.stats());
    keys.put(AnomalyConfig.ANOMALIES_TOPIC, topics.anomalies());
    keys.put(AnomalyConfig.RULES_TOPIC, topics.rules());
    keys.put(AnomalyConfig.DEAD_LETTER_TOPIC, topics.deadLetter());
    AnomalyConfig config = AnomalyConfig.from(keys::get);
    StreamsAppConfig appConfig =
        StreamsAppConfig.defaults()
            .withApplicationId(appId)
            .withCluster(bootstrapServers, schemaRegistryUrl)
            .withDataDir(dataDir.resolve(appId))
            .withQueryPort(0)
            .withKafkaOverrides(
                Map.of(
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                    Long.toString(commitInterval.toMillis())));
    double seconds;
    try (StreamsApp app = AnomalyApp.create(appConfig, config, registry)) {
      app.start();
      if (!app.awaitRunning(Duration.ofMinutes(2))) {
        throw new IllegalStateException("the anomaly app did not reach RUNNING: " + app.state());
      }
      long started = System.nanoTime();
      long deadline = started + CATCH_UP_TIMEOUT.toNanos();
      awaitCommitted(app, appId, statsEnd, deadline);
      String repartition = appId + "-" + AnomalyTopology.BY_HOST_REPARTITION + "-repartition";
      awaitCommitted(app, appId, Offsets.end(admin, repartition), deadline);
      seconds = (System.nanoTime() - started) / 1e9;
    }
    long events = RecordCounter.count(bootstrapServers, Offsets.end(admin, topics.anomalies()));
    Result result = new Result(statsRecords, seconds, hostSeconds, events, producedPerSecond);
    console.accept(
        String.format(
            Locale.ROOT,
            "      %d statistics records in %.2f s = %.0f records/s, %d anomaly events",
            statsRecords,
            seconds,
            result.recordsPerSecond(),
            events));
    return result;
  }

  /** Waits until the group's committed offsets reach {@code end} on every partition. */
  private void awaitCommitted(
      StreamsApp app, String group, Map<TopicPartition, Long> end, long deadlineNanos)
      throws InterruptedException {
    while (true) {
      Map<TopicPartition, Long> committed = Offsets.committed(admin, group);
      boolean caughtUp = true;
      long behind = 0;
      for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
        long position = committed.getOrDefault(e.getKey(), 0L);
        caughtUp &= position >= e.getValue();
        behind += Math.max(0, e.getValue() - position);
      }
      if (caughtUp) {
        return;
      }
      if (System.nanoTime() > deadlineNanos) {
        throw new IllegalStateException(
            "the anomaly app did not catch up within "
                + CATCH_UP_TIMEOUT.toMinutes()
                + " minutes: "
                + behind
                + " offsets behind the end, state "
                + app.state());
      }
      if (!app.state().isRunningOrRebalancing()) {
        throw new IllegalStateException("the anomaly app stopped: " + app.state());
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
