package io.tickwatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 2, scale-out without Docker: a 3-broker in-JVM KRaft cluster (replication factor 3,
 * {@code min.insync.replicas} 2) and two rolling-stats instances in this JVM with distinct state
 * directories and one standby replica. Once both own active tasks, half of the input is produced
 * and one instance is closed (leaving the group, as a scale-in does); the other must take over
 * every active task, and after the rest of the input the per-host 1 s and 10 s finals on {@code
 * tickwatch.stats} ({@code read_committed}) equal {@link StatsOracle} recomputed from the input, no
 * final twice, {@code dropped-records} zero on both instances.
 */
class ScaleOutIT {

  private static final int HOSTS = 4;
  private static final int BATCHES_PER_HOST = 600; // 60 s of event time per host
  private static final long WAIT_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);

  @TempDir Path dir;

  @Test
  void shouldKeepTheOracleStatisticsCompleteWhenOneOfTwoInstancesLeaves() throws Exception {
    try (KafkaTestCluster kafka = KafkaTestCluster.start(3);
        RollingStatsCrashRun run = RollingStatsCrashRun.prepare(kafka, dir)) {
      RollingStatsConfig statsConfig =
          RollingStatsConfig.from(
              key -> RollingStatsConfig.FLEET_HOST_TIMEOUT.equals(key) ? "600s" : null);
      List<StreamsApp> apps = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          StreamsAppConfig config =
              StreamsAppConfig.defaults()
                  .withCluster(kafka.bootstrapServers(), run.registryUrl())
                  .withDataDir(dir.resolve("instance-" + i))
                  .withQueryPort(0)
                  .withApplicationId("tickwatch-stats-scaleout")
                  .withThreads(1, 1);
          StreamsApp app = RollingStatsApp.create(config, statsConfig, run.registryClient());
          apps.add(app);
          app.start();
        }
        StreamsApp leaving = apps.get(0);
        StreamsApp staying = apps.get(1);
        await(
            "both instances RUNNING with active tasks and the stayer holding standbys",
            () ->
                apps.stream().allMatch(a -> a.state() == KafkaStreams.State.RUNNING)
                    && !activeTasks(leaving).isEmpty()
                    && !activeTasks(staying).isEmpty()
                    && !standbyTasks(staying).isEmpty());
        Set<TaskId> allTasks = new HashSet<>(activeTasks(leaving));
        allTasks.addAll(activeTasks(staying));
        Set<TaskId> leavingActive = activeTasks(leaving);
        Set<TaskId> stayingStandbys = standbyTasks(staying);

        long realEndMillis = TestBatches.BASE_MILLIS + BATCHES_PER_HOST * (long) TestBatches.SLOTS;
        List<Long> dropped = new ArrayList<>();
        long leaverProcessed;
        try (KafkaProducer<String, SampleBatch> producer = run.producer()) {
          produce(producer, 0, BATCHES_PER_HOST / 2);
          producer.flush();
          await("the leaving instance has processed input", () -> processed(leaving) > 0);
          leaverProcessed = processed(leaving);
          // scale in mid-run: leave the group so the stayer rebalances at once (task metrics go
          // with the tasks on close, so dropped-records is read first)
          dropped.add(dropped(leaving));
          leaving
              .streams()
              .close(
                  CloseOptions.groupMembershipOperation(
                          CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                      .withTimeout(Duration.ofSeconds(30)));
          leaving.close();
          await(
              "the remaining instance RUNNING with every active task",
              () ->
                  staying.state() == KafkaStreams.State.RUNNING
                      && activeTasks(staying).equals(allTasks));
          produce(producer, BATCHES_PER_HOST / 2, BATCHES_PER_HOST);
          // two batches per host far ahead: they close every real 1 s and 10 s window
          for (long ahead : new long[] {30_000, 60_000}) {
            for (int h = 0; h < HOSTS; h++) {
              String host = "host-" + h;
              producer.send(
                  new ProducerRecord<>(
                      Topics.SAMPLES.name(),
                      host,
                      TestBatches.batchAt(host, h, realEndMillis + ahead, BATCHES_PER_HOST)));
            }
          }
          producer.flush();
        }
        Map<String, StatsOracle.Expected> expected =
            StatsOracle.expected(
                run.readInput(),
                RollingStatsCrashRun.CHECKED,
                statsConfig.relativeAccuracy(),
                TestBatches.BASE_MILLIS,
                realEndMillis);
        Map<String, RollingStats> finals = new HashMap<>();
        long duplicates = run.readFinals(expected.size(), realEndMillis, finals);
        dropped.add(dropped(staying));
        staying.close();
        System.out.println(
            "streams scale-out: tasks="
                + allTasks.size()
                + " leaverActive="
                + leavingActive.size()
                + " leaverProcessed="
                + leaverProcessed
                + " stayerStandbys="
                + stayingStandbys.size()
                + " samples="
                + (long) HOSTS * BATCHES_PER_HOST * 2 * TestBatches.SLOTS
                + " finals="
                + finals.size()
                + " duplicates="
                + duplicates
                + " dropped="
                + dropped);
        assertThat(stayingStandbys)
            .as("the stayer's standbys are among the leaver's active tasks")
            .isSubsetOf(leavingActive);
        assertThat(expected).hasSize(HOSTS * 2 * (60 + 6));
        RollingStatsCrashAssertions.assertEqualsOracle(
            new RollingStatsCrashRun.Result(
                expected,
                finals,
                duplicates,
                dropped,
                0,
                (long) HOSTS * BATCHES_PER_HOST * 2 * TestBatches.SLOTS),
            0);
      } finally {
        apps.forEach(StreamsApp::close);
      }
    }
  }

  private static void produce(KafkaProducer<String, SampleBatch> producer, int from, int to) {
    for (int i = from; i < to; i++) {
      for (int h = 0; h < HOSTS; h++) {
        String host = "host-" + h;
        producer.send(
            new ProducerRecord<>(Topics.SAMPLES.name(), host, TestBatches.batch(host, h, i)));
      }
    }
  }

  private static Set<TaskId> activeTasks(StreamsApp app) {
    return tasks(app, ThreadMetadata::activeTasks);
  }

  private static Set<TaskId> standbyTasks(StreamsApp app) {
    return tasks(app, ThreadMetadata::standbyTasks);
  }

  private static Set<TaskId> tasks(
      StreamsApp app, java.util.function.Function<ThreadMetadata, Set<TaskMetadata>> kind) {
    return app.streams().metadataForLocalThreads().stream()
        .flatMap(t -> kind.apply(t).stream())
        .map(TaskMetadata::taskId)
        .collect(Collectors.toSet());
  }

  private static long dropped(StreamsApp app) {
    return metricSum(app, "stream-task-metrics", "dropped-records-total");
  }

  private static long processed(StreamsApp app) {
    return metricSum(app, "stream-thread-metrics", "process-total");
  }

  /** Sum of a metric over every thread or task of the instance. */
  private static long metricSum(StreamsApp app, String group, String name) {
    double sum = 0;
    int found = 0;
    for (Metric metric : app.streams().metrics().values()) {
      if (metric.metricName().name().equals(name)
          && metric.metricName().group().equals(group)
          && metric.metricValue() instanceof Number n) {
        sum += n.doubleValue();
        found++;
      }
    }
    if (found == 0) {
      throw new IllegalStateException("no metric " + group + "/" + name);
    }
    return (long) sum;
  }

  /** Bounded poll: waits for the condition without sleeping a fixed time. */
  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
    Object monitor = new Object();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("never reached: " + what);
      }
      synchronized (monitor) {
        try {
          monitor.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted waiting for: " + what, e);
        }
      }
    }
  }
}
