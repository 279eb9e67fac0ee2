package io.tickwatch.streams.stats;

import io.tickwatch.avro.SampleBatch;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a {@code SampleBatch}: {@code startTimeMillis}, the time of its first sample slot.
 * Records whose value is not a sample batch (null, tombstones) keep the Kafka record timestamp.
 *
 * <p>A start time far in the past or future would move a task's stream time (and close or drop
 * every other host's windows), so a start time is only used when it is plausible: not negative, and
 * within {@link #MAX_SKEW} of the record's Kafka timestamp (the producer's clock when it sent the
 * batch; brokers refuse timestamps more than an hour ahead of their own clock) or of the
 * partition's event time so far, or the first record of a partition. Otherwise the extractor
 * returns the partition's event time (or the Kafka timestamp), so stream time does not move, and
 * the rolling-stats topology sends the batch to the dead-letter topic because its timestamp differs
 * from its start. Both witnesses come from the records, never from a wall clock, so a replay
 * decides the same.
 */
public final class SampleBatchTimestampExtractor implements TimestampExtractor {

  /** How far a batch's start may be from both witnesses before it is refused. */
  public static final Duration MAX_SKEW = Duration.ofDays(1);

  private static final long MAX_SKEW_MILLIS = MAX_SKEW.toMillis();

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof SampleBatch batch) {
      long start = batch.getStartTimeMillis().toEpochMilli();
      if (start >= 0
          && (partitionTime < 0 || near(start, record.timestamp()) || near(start, partitionTime))) {
        return start;
      }
      return partitionTime >= 0 ? partitionTime : Math.max(0, record.timestamp());
    }
    return record.timestamp();
  }

  private static boolean near(long a, long b) {
    return b >= 0 && Math.abs(a - b) <= MAX_SKEW_MILLIS;
  }
}
