package io.tickwatch.dashboard.feed;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread reading several topics without a consumer group. Topics that do not exist yet
 * are assigned as soon as they appear (checked every two seconds).
 *
 * <p>Lifecycle: {@link #start} starts the thread, {@link #close} stops it and closes the consumer.
 */
public final class KafkaFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaFeed.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long ASSIGN_RETRY_MILLIS = 2000;

  /**
   * One topic to read.
   *
   * @param topic topic name
   * @param start where to start
   * @param handler what to do with each record
   */
  public record Subscription(String topic, StartPosition start, RecordHandler handler) {}

  private final String bootstrapServers;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final InstantSource clock;
  private final FeedStats stats = new FeedStats();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running;
  private Thread thread;

  public KafkaFeed(String bootstrapServers, List<Subscription> subscriptions, InstantSource clock) {
    this.bootstrapServers = bootstrapServers;
    subscriptions.forEach(s -> this.subscriptions.put(s.topic(), s));
    this.clock = clock;
  }

  /** Counters of this feed. */
  public FeedStats stats() {
    return stats;
  }

  /** Starts the consumer thread. */
  public synchronized void start() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tickwatch-dashboard-feed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    thread = new Thread(this::run, "tickwatch-dashboard-feed");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Set<String> assignedTopics = new HashSet<>();
    long nextAssign = 0;
    try {
      while (running) {
        long now = clock.millis();
        if (assignedTopics.size() < subscriptions.size() && now >= nextAssign) {
          assign(assignedTopics);
          nextAssign = now + ASSIGN_RETRY_MILLIS;
        }
        if (assignedTopics.isEmpty()) {
          waitQuietly();
          continue;
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<String, byte[]> record : records) {
          dispatch(record);
        }
        stats.polled(clock.millis());
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("Dashboard feed stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
      stopped.countDown();
    }
  }

  private void waitQuietly() throws WakeupException {
    try {
      if (!running) {
        return;
      }
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void dispatch(ConsumerRecord<String, byte[]> record) {
    Subscription s = subscriptions.get(record.topic());
    stats.record(record.topic(), record.timestamp());
    try {
      s.handler().handle(record);
    } catch (RuntimeException e) {
      stats.failure(record.topic());
      LOG.debug(
          "Skipping record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
    }
  }

  private void assign(Set<String> assignedTopics) {
    List<TopicPartition> newPartitions = new ArrayList<>();
    Map<String, List<TopicPartition>> byTopic = new HashMap<>();
    for (Subscription s : subscriptions.values()) {
      if (assignedTopics.contains(s.topic())) {
        continue;
      }
      List<PartitionInfo> infos;
      try {
        infos = consumer.partitionsFor(s.topic(), Duration.ofSeconds(2));
      } catch (RuntimeException e) {
        LOG.debug("Cannot list partitions of {}: {}", s.topic(), e.toString());
        continue;
      }
      if (infos == null || infos.isEmpty()) {
        continue;
      }
      List<TopicPartition> parts =
          infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      byTopic.put(s.topic(), parts);
      newPartitions.addAll(parts);
    }
    if (newPartitions.isEmpty()) {
      return;
    }
    List<TopicPartition> all = new ArrayList<>(consumer.assignment());
    all.addAll(newPartitions);
    consumer.assign(all);
    for (Map.Entry<String, List<TopicPartition>> e : byTopic.entrySet()) {
      seek(subscriptions.get(e.getKey()).start(), e.getValue());
      assignedTopics.add(e.getKey());
    }
    stats.assigned(assignedTopics.size() == subscriptions.size());
    LOG.info("Dashboard feed reads {}", assignedTopics);
  }

  private void seek(StartPosition start, List<TopicPartition> partitions) {
    if (start.fromBeginning()) {
      consumer.seekToBeginning(partitions);
      return;
    }
    long from = clock.millis() - start.lookback().toMillis();
    // the end offsets are taken BEFORE the time query: a partition with nothing since `from` is
    // read from that end, so a record written while the two requests run is read, not skipped
    // (seekToEnd is lazy and would skip records written before the first poll)
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, from));
    Map<TopicPartition, OffsetAndTimestamp> offsets =
        consumer.offsetsForTimes(query, Duration.ofSeconds(5));
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp o = offsets.get(p);
      consumer.seek(p, o == null ? ends.get(p) : o.offset());
    }
  }

  /** Stops the thread and closes the consumer (waits up to five seconds). */
  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
      try {
        stopped.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
