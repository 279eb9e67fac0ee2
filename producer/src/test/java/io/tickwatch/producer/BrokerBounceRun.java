package io.tickwatch.producer;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.schemas.testkit.KafkaChildCluster;
import io.tickwatch.schemas.testkit.KafkaChildProcess;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One broker-bounce run: a producer with exactly the agent's Kafka producer settings (idempotent,
 * {@code acks=all}; captured from a real {@link AgentBuilder}) writes numbered samples to a topic
 * with replication factor 3 and {@code min.insync.replicas} 2 while the nodes of a 3-node {@link
 * KafkaChildCluster} are bounced one at a time, alternating {@code SIGTERM} and {@code SIGKILL},
 * each restarted and awaited back in sync before the next. A {@code read_committed} consumer then
 * reads the whole topic back and the run reports what it found.
 *
 * <p>Bounded: the producer stops at {@code maxRecords} even if the bounces have not finished (the
 * run then reports it); every wait is bounded.
 */
final class BrokerBounceRun {

  static final String TOPIC = "bounce.samples";
  private static final int PARTITIONS = 6;
  private static final int MAX_UNACKNOWLEDGED = 50_000;

  /** What the run saw. */
  record Result(
      long sent,
      long acknowledged,
      long failed,
      long consumed,
      long duplicates,
      long acknowledgedMissing,
      int bouncesDone,
      List<String> bounces,
      Map<String, Long> failures) {}

  private BrokerBounceRun() {}

  /**
   * Produces at least {@code minRecords} (and until every bounce is done, at most {@code
   * maxRecords}) while bouncing {@code bounces} nodes, then consumes everything back.
   */
  static Result run(KafkaChildCluster cluster, long minRecords, long maxRecords, int bounces)
      throws Exception {
    cluster.createTopics(
        new NewTopic(TOPIC, PARTITIONS, (short) 3).configs(Map.of("min.insync.replicas", "2")));
    cluster.awaitAllInSync();

    BitSet acknowledged = new BitSet();
    AtomicLong ackCount = new AtomicLong();
    AtomicLong failCount = new AtomicLong();
    Map<String, Long> failures = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.Semaphore inFlight =
        new java.util.concurrent.Semaphore(MAX_UNACKNOWLEDGED);
    List<String> bounceLog = new ArrayList<>();
    AtomicReference<Throwable> bounceError = new AtomicReference<>();
    AtomicLong bouncesDone = new AtomicLong();
    long sent = 0;

    Thread bouncer =
        new Thread(
            () -> {
              try {
                for (int b = 0; b < bounces; b++) {
                  // spread the bounces over the run: wait for some progress first
                  long progress = (b + 1) * minRecords / (bounces + 1);
                  long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                  while (ackCount.get() < progress && System.nanoTime() - deadline < 0) {
                    LockSupport.parkNanos(20_000_000L);
                  }
                  KafkaChildProcess node = cluster.nodes().get(b % cluster.nodes().size());
                  boolean kill = b % 2 == 1;
                  long ackedBefore = ackCount.get();
                  if (kill) {
                    node.kill();
                  } else {
                    node.terminate();
                  }
                  node.restart();
                  cluster.awaitAllInSync();
                  synchronized (bounceLog) {
                    bounceLog.add(
                        (kill ? "SIGKILL" : "SIGTERM")
                            + " node "
                            + (b % cluster.nodes().size() + 1)
                            + " at "
                            + ackedBefore
                            + " acked, back in sync at "
                            + ackCount.get());
                  }
                  bouncesDone.incrementAndGet();
                }
              } catch (Throwable t) {
                bounceError.set(t);
              }
            },
            "broker-bouncer");

    try (Producer<String, byte[]> producer = new KafkaProducer<>(agentProducerConfig(cluster))) {
      bouncer.start();
      // until enough are acknowledged (some may fail: the agent's 10 s delivery timeout) and every
      // bounce is done
      while (sent < maxRecords
          && (ackCount.get() < minRecords
              || (bouncesDone.get() < bounces && bounceError.get() == null))) {
        if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no acknowledgement for 30 s at " + sent + " sent");
        }
        long seq = sent++;
        byte[] value = ByteBuffer.allocate(Long.BYTES).putLong(seq).array();
        try {
          producer.send(
              new ProducerRecord<>(TOPIC, Long.toString(seq % 97), value),
              (metadata, error) -> {
                inFlight.release();
                if (error == null) {
                  synchronized (acknowledged) {
                    acknowledged.set((int) seq);
                  }
                  ackCount.incrementAndGet();
                } else {
                  failCount.incrementAndGet();
                  failures.merge(error.getClass().getSimpleName(), 1L, Long::sum);
                }
              });
        } catch (RuntimeException notAccepted) {
          // max.block.ms (250 ms, as the agent) expired: never handed to Kafka, not acknowledged
          inFlight.release();
          failCount.incrementAndGet();
          failures.merge("send: " + notAccepted.getClass().getSimpleName(), 1L, Long::sum);
        }
      }
      producer.flush();
      bouncer.join(TimeUnit.MINUTES.toMillis(5));
    } finally {
      if (bouncer.isAlive()) {
        bouncer.interrupt();
      }
    }
    if (bounceError.get() != null) {
      throw new IllegalStateException("bouncing failed", bounceError.get());
    }

    BitSet seen = new BitSet();
    long[] duplicates = {0};
    long consumed = consumeAll(cluster, seen, duplicates);
    BitSet missing = (BitSet) acknowledged.clone();
    missing.andNot(seen);
    return new Result(
        sent,
        ackCount.get(),
        failCount.get(),
        consumed,
        duplicates[0],
        missing.cardinality(),
        (int) bouncesDone.get(),
        List.copyOf(bounceLog),
        Map.copyOf(failures));
  }

  /** The agent's own producer settings, captured from a built agent, pointed at the cluster. */
  static Map<String, Object> agentProducerConfig(KafkaChildCluster cluster) {
    AtomicReference<Map<String, Object>> captured = new AtomicReference<>();
    TickwatchAgent agent =
        TickwatchAgent.builder("bounce-host")
            .bootstrapServers(cluster.bootstrapServers())
            .valueSerializer(new AvroTestSerde())
            .controlDeserializer((topic, data) -> (ControlCommand) null)
            .systemCollectors(false)
            .manualSampling()
            .producerFactory(
                config -> {
                  captured.set(new HashMap<>(config));
                  return new MockProducer<>(
                      true, null, new StringSerializer(), new ByteArraySerializer());
                })
            .consumerFactory(config -> new MockConsumer<>("latest"))
            .build()
            .start();
    agent.close();
    Map<String, Object> config = captured.get();
    if (config == null
        || !"all".equals(String.valueOf(config.get("acks")))
        || !Boolean.parseBoolean(String.valueOf(config.get("enable.idempotence")))) {
      throw new IllegalStateException("the agent's producer is not idempotent acks=all: " + config);
    }
    config.put("client.id", "bounce-producer");
    return config;
  }

  private static long consumeAll(KafkaChildCluster cluster, BitSet seen, long[] duplicates)
      throws ExecutionException, InterruptedException {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    long consumed = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(TOPIC, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("never read the topic to its end " + end);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          int seq = (int) ByteBuffer.wrap(r.value()).getLong();
          if (seen.get(seq)) {
            duplicates[0]++;
          }
          seen.set(seq);
          consumed++;
        }
      }
    }
    return consumed;
  }

  private static boolean caughtUp(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
