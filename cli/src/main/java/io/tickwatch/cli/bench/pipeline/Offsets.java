package io.tickwatch.cli.bench.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** End offsets of topics and committed offsets of consumer groups, through the admin client. */
final class Offsets {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Offsets() {}

  /** The end offset of every partition of {@code topic}. */
  static Map<TopicPartition, Long> end(Admin admin, String topic) throws InterruptedException {
    int partitions =
        get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> end = new HashMap<>();
    get(admin.listOffsets(latest).all()).forEach((tp, info) -> end.put(tp, info.offset()));
    return end;
  }

  /** The committed offsets of {@code group} on every partition it has committed. */
  static Map<TopicPartition, Long> committed(Admin admin, String group)
      throws InterruptedException {
    Map<TopicPartition, Long> positions = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    offsets.forEach(
        (tp, offset) -> {
          if (offset != null) {
            positions.put(tp, offset.offset());
          }
        });
    return positions;
  }

  static <T> T get(KafkaFuture<T> future) throws InterruptedException {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
    }
  }
}
