package io.tickwatch.dashboard.feed;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.dashboard.state.SeriesKey;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes each topic's records and hands them to a {@link FeedListener}. Stats records older than
 * {@link #LIVE_HORIZON} (catch-up after start) update the state without live events.
 */
public final class FeedRouter {

  /** Stats whose window ended longer ago than this are history, not live. */
  public static final Duration LIVE_HORIZON = Duration.ofSeconds(10);

  /** Raw 1 ms samples kept. */
  public static final Duration SAMPLES_LOOKBACK = Duration.ofSeconds(10);

  /** Look-back of actions, A/B results and profiles. */
  public static final Duration EVENTS_LOOKBACK = Duration.ofHours(24);

  private final SchemaRegistryClient registry;
  private final FeedListener listener;
  private final InstantSource clock;

  public FeedRouter(SchemaRegistryClient registry, FeedListener listener, InstantSource clock) {
    this.registry = registry;
    this.listener = listener;
    this.clock = clock;
  }

  /** The subscriptions of every topic the dashboard reads. */
  public List<KafkaFeed.Subscription> subscriptions(Duration statsLookback, boolean rawSamples) {
    AvroDeserializer<RollingStats> stats = new AvroDeserializer<>(registry, RollingStats.class);
    AvroDeserializer<Alert> alerts = new AvroDeserializer<>(registry, Alert.class);
    AvroDeserializer<ActionAudit> actions = new AvroDeserializer<>(registry, ActionAudit.class);
    AvroDeserializer<Experiment> experiments = new AvroDeserializer<>(registry, Experiment.class);
    AvroDeserializer<AbResult> results = new AvroDeserializer<>(registry, AbResult.class);
    AvroDeserializer<ProfileChunk> profiles = new AvroDeserializer<>(registry, ProfileChunk.class);
    AvroDeserializer<SampleBatch> samples = new AvroDeserializer<>(registry, SampleBatch.class);
    Duration liveLookback =
        statsLookback.compareTo(Duration.ofMinutes(2)) < 0 ? statsLookback : Duration.ofMinutes(2);
    List<KafkaFeed.Subscription> list =
        new ArrayList<>(
            List.of(
                new KafkaFeed.Subscription(
                    Topics.STATS.name(),
                    StartPosition.last(statsLookback),
                    r -> stats(stats.deserialize(r.topic(), r.value()))),
                new KafkaFeed.Subscription(
                    Topics.STATS_LIVE.name(),
                    StartPosition.last(liveLookback),
                    r -> stats(stats.deserialize(r.topic(), r.value()))),
                new KafkaFeed.Subscription(
                    Topics.ALERTS.name(),
                    StartPosition.beginning(),
                    r -> listener.onAlert(r.key(), decodeNullable(alerts, r))),
                new KafkaFeed.Subscription(
                    Topics.ACTIONS.name(),
                    StartPosition.last(EVENTS_LOOKBACK),
                    r -> listener.onAction(actions.deserialize(r.topic(), r.value()))),
                new KafkaFeed.Subscription(
                    Topics.EXPERIMENTS.name(),
                    StartPosition.beginning(),
                    r -> listener.onExperiment(r.key(), decodeNullable(experiments, r))),
                new KafkaFeed.Subscription(
                    Topics.AB_RESULTS.name(),
                    StartPosition.last(EVENTS_LOOKBACK),
                    r -> listener.onAbResult(results.deserialize(r.topic(), r.value()))),
                new KafkaFeed.Subscription(
                    Topics.PROFILES.name(),
                    StartPosition.last(EVENTS_LOOKBACK),
                    r -> listener.onProfileChunk(profiles.deserialize(r.topic(), r.value())))));
    if (rawSamples) {
      list.add(
          new KafkaFeed.Subscription(
              Topics.SAMPLES.name(),
              StartPosition.last(SAMPLES_LOOKBACK),
              r -> samples(samples.deserialize(r.topic(), r.value()))));
    }
    return list;
  }

  private static <T> T decodeNullable(
      AvroDeserializer<T> deserializer, ConsumerRecord<String, byte[]> record) {
    return record.value() == null ? null : deserializer.deserialize(record.topic(), record.value());
  }

  private void stats(RollingStats stats) {
    boolean live =
        stats.getWindowEndMillis().toEpochMilli() >= clock.millis() - LIVE_HORIZON.toMillis();
    listener.onStats(stats, live);
  }

  private void samples(SampleBatch batch) {
    long start = batch.getStartTimeMillis().toEpochMilli();
    for (MetricSeries series : batch.getSeries()) {
      List<Double> values = series.getValues();
      double[] array = new double[values.size()];
      for (int i = 0; i < array.length; i++) {
        array[i] = values.get(i);
      }
      TreeMap<String, String> labels = new TreeMap<>();
      series.getLabels().forEach((k, v) -> labels.put(k.toString(), v.toString()));
      listener.onSamples(
          new SeriesKey(batch.getHostId(), series.getName(), labels),
          start,
          batch.getSampleIntervalMicros(),
          array);
    }
  }

  /** Where decoded records go (the dashboard's state and live stream). Feed thread only. */
  public interface FeedListener {
    /**
     * A rolling-stats record.
     *
     * @param live false during catch-up of older windows (no live event should be sent)
     */
    void onStats(RollingStats stats, boolean live);

    /** Raw 1 ms samples of one series. */
    void onSamples(SeriesKey key, long startMillis, long intervalMicros, double[] values);

    /** The latest state of an alert, null on a tombstone. */
    void onAlert(String fingerprint, Alert alert);

    /** An action audit entry. */
    void onAction(ActionAudit action);

    /** The latest definition of an experiment, null on a tombstone. */
    void onExperiment(String experimentId, Experiment experiment);

    /** An A/B evaluation. */
    void onAbResult(AbResult result);

    /** A profile chunk. */
    void onProfileChunk(ProfileChunk chunk);
  }
}
