package io.tickwatch.cli.bench.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records of a topic up to given end offsets ({@code read_committed}: under
 * exactly-once the offsets also hold transaction markers, so offsets are not record counts).
 */
final class RecordCounter {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private RecordCounter() {}

  /**
   * @param end the end offset of every partition to count
   * @throws IllegalStateException when the end is not reached within a minute
   */
  static long count(String bootstrapServers, Map<TopicPartition, Long> end) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(end.keySet());
      consumer.seekToBeginning(end.keySet());
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      long records = 0;
      while (true) {
        boolean done = true;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
          done &= consumer.position(e.getKey()) >= e.getValue();
        }
        if (done) {
          return records;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + end.keySet() + " up to " + end + " within " + TIMEOUT);
        }
        records += consumer.poll(Duration.ofMillis(100)).count();
      }
    }
  }
}
