package io.tickwatch.dashboard.feed;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Applies one raw record of a topic; called on the feed thread only. */
@FunctionalInterface
public interface RecordHandler {

  /** Handles a record; exceptions are counted by the feed and the record is skipped. */
  void handle(ConsumerRecord<String, byte[]> record);
}
