package io.tickwatch.streams.stats;

import io.tickwatch.avro.SampleBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a {@code SampleBatch}: {@code startTimeMillis}, the time of its first sample slot.
 * Records whose value is not a sample batch (null, tombstones) keep the Kafka record timestamp.
 */
public final class SampleBatchTimestampExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof SampleBatch batch) {
      return batch.getStartTimeMillis().toEpochMilli();
    }
    return record.timestamp();
  }
}
