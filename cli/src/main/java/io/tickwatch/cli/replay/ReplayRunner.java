package io.tickwatch.cli.replay;

import io.tickwatch.cli.stack.StackException;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.topic.PartitionLeaders;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays {@code tickwatch.samples} for an event-time range through the rolling-statistics topology
 * under its own application id and output namespace.
 *
 * <ol>
 *   <li>plans start and stop offsets per partition from record timestamps ({@link ReplayOffsets});
 *   <li>creates the output topics {@code tickwatch.replay.<runId>.stats} and {@code .stats-live};
 *   <li>commits the start offsets for the new application's group with {@code
 *       Admin.alterConsumerGroupOffsets}, so Kafka Streams starts there instead of scanning from
 *       the beginning;
 *   <li>runs the topology with the replay's time-range filter, reporting progress from the group's
 *       committed offsets against the stop offsets;
 *   <li>stops when every input partition has passed its stop offset, the internal topics are
 *       drained and the fleet-host timeout has passed (the last fleet-wide windows close on it),
 *       closes the application and deletes its local state.
 * </ol>
 *
 * <p>The topology emits only windows lying entirely inside {@code [from, to)}; records after {@code
 * to} (read up to {@code to} + grace + slack) advance event time so that the last windows close. A
 * range that ends at the newest data leaves its last windows open (their early results are in the
 * {@code stats-live} topic of the run).
 */
public final class ReplayRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayRunner.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 500;

  /** What a finished replay produced. */
  public record Result(
      String applicationId, String outputTopic, String liveTopic, long records, Duration elapsed) {}

  private final ReplayRequest request;
  private final Consumer<String> progress;
  private final InstantSource clock;

  /**
   * @param progress receives a rendered progress line about twice a second
   */
  public ReplayRunner(ReplayRequest request, Consumer<String> progress, InstantSource clock) {
    this.request = request;
    this.progress = progress;
    this.clock = clock;
  }

  /** The topology configuration of this replay. */
  public RollingStatsConfig statsConfig() {
    return RollingStatsConfig.defaults().withReplay(request.runId(), request.from(), request.to());
  }

  /**
   * Runs the replay to its end.
   *
   * @throws StackException with a one-line reason (run id in use, no data, timeout, failure)
   */
  public Result run() throws InterruptedException {
    RollingStatsConfig stats = statsConfig();
    String appId = request.applicationId();
    Instant started = clock.instant();
    try (Admin admin = Admin.create(adminConfig())) {
      requireNewGroup(admin, appId);
      ReplayOffsets offsets = planOffsets(stats);
      if (offsets.total() == 0) {
        throw new StackException(
            "no samples in "
                + Topics.SAMPLES.name()
                + " between "
                + request.from()
                + " and "
                + request.to());
      }
      createOutputTopics(admin, stats);
      Map<TopicPartition, OffsetAndMetadata> startAt = new HashMap<>();
      offsets.start().forEach((tp, offset) -> startAt.put(tp, new OffsetAndMetadata(offset)));
      get(admin.alterConsumerGroupOffsets(appId, startAt).all(), "set the replay's start offsets");
      LOG.info("Replay {}: {} records from offsets {}", appId, offsets.total(), offsets.start());

      Path dataDir = request.dataDir().resolve("replay").resolve(request.runId());
      try (RestSchemaRegistryClient registry =
          new RestSchemaRegistryClient(request.schemaRegistryUrl())) {
        StreamsApp app = RollingStatsApp.create(appConfig(dataDir), stats, registry);
        try {
          app.start();
          awaitFinished(admin, app, offsets, started);
        } finally {
          app.close();
        }
      }
      deleteQuietly(dataDir);
      return new Result(
          appId,
          stats.outputTopic(),
          stats.liveTopic(),
          offsets.total(),
          Duration.between(started, clock.instant()));
    }
  }

  private StreamsAppConfig appConfig(Path dataDir) {
    StreamsAppConfig config =
        StreamsAppConfig.defaults()
            .withApplicationId(request.applicationId())
            .withCluster(request.bootstrapServers(), request.schemaRegistryUrl())
            .withDataDir(dataDir)
            .withQueryPort(0);
    if (request.speed().isPresent()) {
      config =
          config.withKafkaOverrides(
              Map.of(
                  StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                  ReplayThrottle.class.getName(),
                  StreamsConfig.mainConsumerPrefix(ReplayThrottle.SPEED_CONFIG),
                  Double.toString(request.speed().getAsDouble())));
    }
    return config;
  }

  private ReplayOffsets planOffsets(RollingStatsConfig stats) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, request.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickwatch-replay-planner");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return ReplayOffsets.plan(
          consumer,
          stats.inputTopic(),
          request.from(),
          request.to().plus(stats.grace()),
          ADMIN_TIMEOUT);
    }
  }

  private void awaitFinished(Admin admin, StreamsApp app, ReplayOffsets offsets, Instant started)
      throws InterruptedException {
    String input = statsConfig().inputTopic();
    Instant deadline = started.plus(request.timeout());
    Map<TopicPartition, Long> previousInternal = Map.of();
    Duration fleetTimeout = statsConfig().fleetHostTimeout();
    Instant inputDoneAt = null;
    while (true) {
      KafkaStreams.State state = app.state();
      if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
        throw new StackException("replay stopped with state " + state + " (see the log)");
      }
      Map<TopicPartition, Long> committed = committed(admin, request.applicationId());
      Map<TopicPartition, Long> inputCommitted = new HashMap<>();
      Map<TopicPartition, Long> internalCommitted = new HashMap<>();
      committed.forEach(
          (tp, offset) ->
              (tp.topic().equals(input) ? inputCommitted : internalCommitted).put(tp, offset));
      progress.accept(
          ProgressBar.render(
              offsets.consumed(inputCommitted),
              offsets.total(),
              Duration.between(started, clock.instant()),
              "records"));
      if (offsets.finished(inputCommitted)
          && internalDrained(admin, internalCommitted, previousInternal)) {
        // the last fleet-wide windows close fleet-host-timeout (wall clock) after the input stops
        if (inputDoneAt == null) {
          inputDoneAt = clock.instant();
        } else if (clock
            .instant()
            .isAfter(inputDoneAt.plus(fleetTimeout).plus(Duration.ofSeconds(2)))) {
          return;
        }
      } else {
        inputDoneAt = null;
      }
      previousInternal = internalCommitted;
      if (clock.instant().isAfter(deadline)) {
        throw new StackException(
            "replay did not finish within " + request.timeout() + " (see the log)");
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    }
  }

  /**
   * Internal (repartition) topics are drained when the group's committed offsets reach their last
   * stable offsets, allowing one offset for a trailing transaction marker, and did not move since
   * the previous check.
   */
  private static boolean internalDrained(
      Admin admin, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> previous) {
    if (committed.isEmpty()) {
      return true;
    }
    if (!committed.equals(previous)) {
      return false;
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        get(
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(),
            "read the end offsets of the internal topics");
    for (Map.Entry<TopicPartition, Long> entry : committed.entrySet()) {
      if (ends.get(entry.getKey()).offset() - entry.getValue() > 1) {
        return false;
      }
    }
    return true;
  }

  private static Map<TopicPartition, Long> committed(Admin admin, String group) {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
            "read the replay's committed offsets");
    Map<TopicPartition, Long> positions = new HashMap<>();
    offsets.forEach(
        (tp, offset) -> {
          if (offset != null) {
            positions.put(tp, offset.offset());
          }
        });
    return positions;
  }

  private static void requireNewGroup(Admin admin, String group) {
    if (!committed(admin, group).isEmpty()) {
      throw new StackException(
          "run id already used: consumer group " + group + " exists (choose another --run-id)");
    }
  }

  private static void createOutputTopics(Admin admin, RollingStatsConfig stats) {
    int brokers = get(admin.describeCluster().nodes(), "describe the cluster").size();
    short replication = (short) Math.max(1, Math.min(3, brokers));
    List<NewTopic> topics = new ArrayList<>();
    topics.add(
        new NewTopic(stats.outputTopic(), Topics.STATS.partitions(), replication)
            .configs(Topics.STATS.topicConfigs()));
    topics.add(
        new NewTopic(stats.liveTopic(), Topics.STATS_LIVE.partitions(), replication)
            .configs(Topics.STATS_LIVE.topicConfigs()));
    try {
      admin.createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        throw new StackException(
            "run id already used: topic "
                + stats.outputTopic()
                + " exists (choose another --run-id)");
      }
      throw new StackException("cannot create the replay topics: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new StackException("cannot create the replay topics: timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted", e);
    }
    // the replay writes at once: a partition without a leader yet can lose records (KAFKA-15591)
    try {
      PartitionLeaders.await(admin, topics.stream().map(NewTopic::name).toList(), ADMIN_TIMEOUT);
    } catch (IllegalStateException e) {
      throw new StackException("replay topics created but not ready: " + e.getMessage(), e);
    }
  }

  private Map<String, Object> adminConfig() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        request.bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
        (int) ADMIN_TIMEOUT.toMillis(),
        AdminClientConfig.CLIENT_ID_CONFIG,
        "tickwatch-replay");
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
    try {
      return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StackException("cannot " + what + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new StackException("cannot " + what + ": timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while trying to " + what, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete the replay state in {}", dir, e);
    }
  }
}
