package io.tickwatch.cli.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a replay starts and stops in every partition of the input topic, from the record timestamps
 * ({@code offsetsForTimes}).
 *
 * <p>Record timestamps are the agent's send times, which trail the batches' event times by about
 * one publish interval; {@link #SLACK} widens the range on both sides so that no batch with samples
 * in {@code [from, to)} is missed. The topology's own event-time filter drops the extra samples.
 *
 * @param start first offset to read per partition
 * @param stop offset per partition at which the replay has passed {@code to} (plus slack), or the
 *     end offset at planning time when the topic ends earlier
 */
public record ReplayOffsets(Map<TopicPartition, Long> start, Map<TopicPartition, Long> stop) {

  /** Margin around the range for the difference between record time and event time. */
  public static final Duration SLACK = Duration.ofMinutes(1);

  public ReplayOffsets {
    start = Map.copyOf(start);
    stop = Map.copyOf(stop);
  }

  /**
   * Looks the offsets up.
   *
   * @param stopAfter event time the replay must pass before it stops ({@code to} plus the grace
   *     period, so that the last windows can close)
   */
  public static ReplayOffsets plan(
      Consumer<?, ?> consumer, String topic, Instant from, Instant stopAfter, Duration timeout) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, timeout).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("topic " + topic + " does not exist");
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    Map<TopicPartition, Long> startTimes = new HashMap<>();
    Map<TopicPartition, Long> stopTimes = new HashMap<>();
    long startMillis = from.minus(SLACK).toEpochMilli();
    long stopMillis = stopAfter.plus(SLACK).toEpochMilli();
    for (TopicPartition partition : partitions) {
      startTimes.put(partition, Math.max(0, startMillis));
      stopTimes.put(partition, stopMillis);
    }
    Map<TopicPartition, OffsetAndTimestamp> first = consumer.offsetsForTimes(startTimes, timeout);
    Map<TopicPartition, OffsetAndTimestamp> last = consumer.offsetsForTimes(stopTimes, timeout);
    Map<TopicPartition, Long> start = new HashMap<>();
    Map<TopicPartition, Long> stop = new HashMap<>();
    for (TopicPartition partition : partitions) {
      long endOffset = end.get(partition);
      OffsetAndTimestamp a = first.get(partition);
      OffsetAndTimestamp b = last.get(partition);
      start.put(partition, a == null ? endOffset : a.offset());
      stop.put(partition, b == null ? endOffset : Math.min(endOffset, b.offset()));
    }
    return new ReplayOffsets(start, stop);
  }

  /** Records to replay in total. */
  public long total() {
    long total = 0;
    for (Map.Entry<TopicPartition, Long> entry : start.entrySet()) {
      total += Math.max(0, stop.get(entry.getKey()) - entry.getValue());
    }
    return total;
  }

  /** Records consumed so far, given the group's committed offsets. */
  public long consumed(Map<TopicPartition, Long> committed) {
    long done = 0;
    for (Map.Entry<TopicPartition, Long> entry : start.entrySet()) {
      long position = committed.getOrDefault(entry.getKey(), entry.getValue());
      long stopAt = stop.get(entry.getKey());
      done += Math.max(0, Math.min(position, stopAt) - entry.getValue());
    }
    return done;
  }

  /** Whether every partition has reached its stop offset. */
  public boolean finished(Map<TopicPartition, Long> committed) {
    for (Map.Entry<TopicPartition, Long> entry : stop.entrySet()) {
      long position = committed.getOrDefault(entry.getKey(), start.get(entry.getKey()));
      if (position < entry.getValue()) {
        return false;
      }
    }
    return true;
  }
}
