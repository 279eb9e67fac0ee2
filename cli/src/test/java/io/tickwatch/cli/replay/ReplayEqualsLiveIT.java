package io.tickwatch.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.RollingStats;
import io.tickwatch.cli.testing.TestBatches;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.testkit.KafkaStack;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.stats.rolling.SeriesId;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay equals live: the same time range processed live and by {@code ReplayRunner} under another
 * application id gives record-for-record the same final windows: host windows exactly, fleet-wide
 * windows exactly up to the last bits of mean and stddev (merge order).
 */
class ReplayEqualsLiveIT {

  private static final List<String> HOSTS = List.of("host-a", "host-b");
  private static final int BATCHES_PER_HOST = 3000; // 300 s of event time
  private static final Instant FROM = Instant.ofEpochMilli(TestBatches.BASE_MILLIS + 150_000);
  private static final Instant TO = Instant.ofEpochMilli(TestBatches.BASE_MILLIS + 180_000);

  @TempDir Path dataDir;

  @Test
  void shouldReplayARangeToTheSameFinalWindowsAsLiveProcessing() throws Exception {
    try (KafkaStack stack = KafkaStack.start()) {
      long published =
          TestBatches.publish(
              stack.bootstrapServers(), stack.registryClient, HOSTS, BATCHES_PER_HOST, 60_000);
      RollingStatsConfig liveConfig = RollingStatsConfig.defaults();
      StreamsAppConfig appConfig =
          StreamsAppConfig.defaults()
              .withCluster(stack.bootstrapServers(), stack.registryUrl())
              .withDataDir(dataDir.resolve("live"))
              .withQueryPort(0);

      List<String> progress = new ArrayList<>();
      ReplayRunner.Result result;
      Map<String, RollingStats> live;
      try (StreamsApp app = RollingStatsApp.create(appConfig, liveConfig, stack.registryClient)) {
        app.start();
        result =
            new ReplayRunner(
                    new ReplayRequest(
                        FROM,
                        TO,
                        OptionalDouble.empty(),
                        "it-1",
                        stack.bootstrapServers(),
                        stack.registryUrl(),
                        dataDir,
                        Duration.ofMinutes(3)),
                    progress::add,
                    InstantSource.system())
                .run();
        Map<String, RollingStats> replayed = finalsInRange(stack, result.outputTopic());
        live = awaitLiveFinals(stack, replayed.keySet());

        assertThat(result.outputTopic()).isEqualTo("tickwatch.replay.it-1.stats");
        assertThat(result.liveTopic()).isEqualTo("tickwatch.replay.it-1.stats-live");
        // started at the offsets of --from, not at the beginning of the topic
        assertThat(result.records()).isLessThan(published * 3 / 4);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).contains("100%");

        // every 1 s and 10 s window inside the range is present, per host and fleet-wide
        List<String> all = new ArrayList<>(HOSTS);
        all.add("*");
        for (String host : all) {
          for (String series : List.of("tick.max.micros", "action.count{action=move}")) {
            for (long size : List.of(1_000L, 10_000L)) {
              for (long start = FROM.toEpochMilli();
                  start + size <= TO.toEpochMilli();
                  start += size) {
                assertThat(replayed).containsKey(host + "/" + series + "|" + size + "|" + start);
              }
            }
          }
        }
        assertThat(replayed).isNotEmpty();
        replayed.forEach(
            (key, record) -> {
              RollingStats expected = live.get(key);
              if (record.getHostId() != null) {
                assertThat(record).as(key).isEqualTo(expected);
                return;
              }
              // fleet-wide: host results merge in arrival order, which differs between live and
              // replay; counts, sums, extremes and sketches are exact, mean and stddev (Chan's
              // merge) equal up to rounding in the last bits
              assertThat(record.getMean())
                  .as(key + " mean")
                  .isCloseTo(
                      expected.getMean(), Offset.offset(1e-12 * Math.abs(expected.getMean())));
              assertThat(record.getStddev())
                  .as(key + " stddev")
                  .isCloseTo(
                      expected.getStddev(), Offset.offset(1e-12 * (1 + expected.getStddev())));
              RollingStats normalised = RollingStats.newBuilder(record).build();
              normalised.setMean(expected.getMean());
              normalised.setStddev(expected.getStddev());
              assertThat(normalised).as(key).isEqualTo(expected);
            });
      }
    }
  }

  /** Final records of windows that lie entirely inside [FROM, TO), by key. */
  private static Map<String, RollingStats> finalsInRange(KafkaStack stack, String topic) {
    Map<String, RollingStats> finals = new HashMap<>();
    for (ConsumerRecord<String, RollingStats> record :
        stack.readAll(topic, new AvroDeserializer<>(stack.registryClient, RollingStats.class))) {
      RollingStats stats = record.value();
      if (stats.getWindowStartMillis().isBefore(FROM) || stats.getWindowEndMillis().isAfter(TO)) {
        continue;
      }
      assertThat(finals.put(key(stats), stats)).as("one final result per window").isNull();
    }
    return finals;
  }

  private static Map<String, RollingStats> awaitLiveFinals(
      KafkaStack stack, java.util.Set<String> keys) {
    Map<String, RollingStats> live = Map.of();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      live = finalsInRange(stack, Topics.STATS.name());
      if (live.keySet().containsAll(keys)) {
        return live;
      }
    }
    return live;
  }

  private static String key(RollingStats stats) {
    String host = stats.getHostId() == null ? SeriesId.FLEET_HOST : stats.getHostId();
    return SeriesId.of(stats.getMetric(), stats.getLabels()).key(host)
        + "|"
        + stats.getWindowSizeMillis()
        + "|"
        + stats.getWindowStartMillis().toEpochMilli();
  }
}
