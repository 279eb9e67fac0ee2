package io.tickwatch.streams.stats;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.stats.rolling.HostAggregate;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesId;
import io.tickwatch.stats.rolling.SeriesKind;
import io.tickwatch.stats.rolling.WindowSlices;
import io.tickwatch.stats.rolling.WindowSlices.SlotRange;
import io.tickwatch.stats.sketch.LogBucketMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns one {@code SampleBatch} into one partial {@link HostAggregate} per window of the smallest
 * size that its samples touch, each forwarded with the event time of its first sample, so that a
 * batch straddling a window boundary is split by sample event time. Every series is aggregated once
 * here; the window stores then only merge partial aggregates.
 *
 * <p>Latency digests cover the whole batch and cannot be split: they are attributed to the window
 * holding {@code startTimeMillis}. NaN slots are absent readings; infinite values and invalid
 * digests are skipped and counted in the {@code rejected-values-total} metric (group {@value
 * #METRIC_GROUP}). Batches that cannot be read at all throw {@link InvalidSampleBatchException},
 * which the processing exception handler sends to the dead-letter topic.
 */
final class BatchSlicer implements FixedKeyProcessor<String, SampleBatch, HostAggregate> {
  static final String METRIC_GROUP = "tickwatch-rolling-stats";

  private final LogBucketMapping mapping;
  private final long windowMillis;
  private FixedKeyProcessorContext<String, HostAggregate> context;
  private Sensor rejectedValues;
  private Sensor rejectedDigests;

  BatchSlicer(LogBucketMapping mapping, long windowMillis) {
    this.mapping = mapping;
    this.windowMillis = windowMillis;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, HostAggregate> processorContext) {
    this.context = processorContext;
    String task = processorContext.taskId().toString();
    rejectedValues =
        counter(
            "rejected-values-total",
            "Infinite sample values skipped by the rolling-stats topology",
            task);
    rejectedDigests =
        counter(
            "rejected-digests-total",
            "Invalid latency digests (negative or non-finite durations, inconsistent counts)"
                + " skipped by the rolling-stats topology",
            task);
  }

  private Sensor counter(String name, String description, String task) {
    Sensor sensor = context.metrics().addSensor(name + "-" + task, Sensor.RecordingLevel.INFO);
    MetricName metricName =
        new MetricName(name, METRIC_GROUP, description, Map.of("task-id", task));
    sensor.add(metricName, new CumulativeSum());
    return sensor;
  }

  @Override
  public void process(FixedKeyRecord<String, SampleBatch> record) {
    SampleBatch batch = record.value();
    if (batch == null) {
      return;
    }
    validate(record.key(), batch);
    long start = batch.getStartTimeMillis().toEpochMilli();
    int interval = batch.getSampleIntervalMicros();
    int slots = batch.getSampleCount();
    List<SlotRange> ranges =
        WindowSlices.split(
            start,
            interval,
            slots,
            windowMillis,
            WindowSlices.UNBOUNDED_FROM,
            WindowSlices.UNBOUNDED_TO);
    Map<Long, HostAggregate> parts = new LinkedHashMap<>(4);
    Map<Long, Long> timestamps = new LinkedHashMap<>(4);
    String cluster = batch.getCluster();
    int rejected = 0;
    for (SlotRange range : ranges) {
      HostAggregate part =
          part(parts, timestamps, range.windowStartMillis(), range.firstSlotMillis(), cluster);
      for (MetricSeries series : batch.getSeries()) {
        SeriesAggregate aggregate =
            part.series(SeriesId.of(series.getName(), series.getLabels()), SeriesKind.SAMPLED);
        rejected += aggregate.addSamples(series.getValues(), range.fromSlot(), range.toSlot());
      }
    }
    if (!batch.getLatencies().isEmpty()) {
      long windowStart = Math.floorDiv(start, windowMillis) * windowMillis;
      HostAggregate part = part(parts, timestamps, windowStart, start, cluster);
      int invalid = 0;
      for (LatencyDigest digest : batch.getLatencies()) {
        if (!addDigest(part, digest)) {
          invalid++;
        }
      }
      if (invalid > 0) {
        rejectedDigests.record(invalid);
      }
    }
    if (rejected > 0) {
      rejectedValues.record(rejected);
    }
    for (Map.Entry<Long, HostAggregate> entry : parts.entrySet()) {
      context.forward(
          record.withValue(entry.getValue()).withTimestamp(timestamps.get(entry.getKey())));
    }
  }

  private HostAggregate part(
      Map<Long, HostAggregate> parts,
      Map<Long, Long> timestamps,
      long windowStart,
      long timestamp,
      String cluster) {
    HostAggregate part = parts.get(windowStart);
    if (part == null) {
      part = new HostAggregate(mapping);
      part.cluster(cluster);
      parts.put(windowStart, part);
      timestamps.put(windowStart, timestamp);
    } else if (timestamp < timestamps.get(windowStart)) {
      timestamps.put(windowStart, timestamp);
    }
    return part;
  }

  private boolean addDigest(HostAggregate part, LatencyDigest digest) {
    QuantileSketch sketch = digest.getSketch();
    double accuracy = sketch.getRelativeAccuracy();
    if (!(accuracy >= LogBucketMapping.MIN_RELATIVE_ACCURACY && accuracy < 1)) {
      return false;
    }
    LogBucketMapping source =
        accuracy == mapping.relativeAccuracy() ? mapping : new LogBucketMapping(accuracy);
    List<Long> counts = sketch.getCounts();
    long[] bucketCounts = new long[counts.size()];
    for (int k = 0; k < bucketCounts.length; k++) {
      bucketCounts[k] = counts.get(k);
    }
    SeriesId id = SeriesId.of(digest.getName(), digest.getLabels());
    SeriesAggregate scratch = SeriesAggregate.empty(SeriesKind.LATENCY, mapping);
    boolean valid =
        scratch.addDigest(
            digest.getCount(),
            digest.getSumMicros(),
            digest.getMinMicros(),
            digest.getMaxMicros(),
            source,
            sketch.getZeroCount(),
            sketch.getIndexOffset(),
            bucketCounts);
    if (valid) {
      part.series(id, SeriesKind.LATENCY).merge(scratch);
    }
    return valid;
  }

  private static void validate(String key, SampleBatch batch) {
    if (batch.getSampleIntervalMicros() <= 0) {
      throw new InvalidSampleBatchException(
          "batch of host "
              + key
              + " has sampleIntervalMicros "
              + batch.getSampleIntervalMicros()
              + ", must be > 0");
    }
    if (batch.getSampleCount() < 0) {
      throw new InvalidSampleBatchException(
          "batch of host " + key + " has sampleCount " + batch.getSampleCount() + ", must be >= 0");
    }
    for (MetricSeries series : batch.getSeries()) {
      if (series.getValues().size() != batch.getSampleCount()) {
        throw new InvalidSampleBatchException(
            "batch of host "
                + key
                + ": series "
                + series.getName()
                + " has "
                + series.getValues().size()
                + " values, sampleCount is "
                + batch.getSampleCount());
      }
    }
  }

  @Override
  public void close() {
    context.metrics().removeSensor(rejectedValues);
    context.metrics().removeSensor(rejectedDigests);
  }
}
