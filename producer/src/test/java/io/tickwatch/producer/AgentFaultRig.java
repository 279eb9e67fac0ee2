package io.tickwatch.producer;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.testkit.FaultProxy;
import io.tickwatch.schemas.testkit.KafkaChildProcess;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.testkit.KafkaUnderTest;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Shared set-up of the agent fault ITs: a real KRaft broker that clients reach only through a
 * {@link FaultProxy}, the embedded schema registry, agents built with the real registry-backed Avro
 * serializer, a game loop that counts the host calls that returned, and a reader of every batch an
 * agent run left on the samples topic.
 */
final class AgentFaultRig implements AutoCloseable {

  /** The smallest outbound bound the agent accepts: fills within a second or two of a fault. */
  static final long SMALL_BUFFER_BYTES = 64 * 1024;

  /** Host calls a fault test makes at least while the fault lasts. */
  static final long MIN_HOST_CALLS = 100_000;

  private static final long LIMIT_NANOS = 60_000_000_000L;

  private final String bootstrapServers;
  private final KafkaUnderTest broker;
  private final FaultProxy proxy;
  private final EmbeddedSchemaRegistry registry;

  private AgentFaultRig(KafkaUnderTest broker, FaultProxy proxy, EmbeddedSchemaRegistry registry) {
    this.bootstrapServers = broker.bootstrapServers();
    this.broker = broker;
    this.proxy = proxy;
    this.registry = registry;
  }

  /** Starts the proxied in-JVM broker (with the samples topic) and the registry. */
  static AgentFaultRig start() {
    KafkaTestCluster kafka = KafkaTestCluster.startBehindProxy();
    try {
      return withRegistry(kafka, kafka.proxy());
    } catch (RuntimeException | Error e) {
      kafka.close();
      throw e;
    }
  }

  /** Starts a broker in a child process (with the samples topic) and the registry. */
  static AgentFaultRig startWithChildBroker(KafkaChildProcess kafka) {
    return withRegistry(kafka, null);
  }

  private static AgentFaultRig withRegistry(KafkaUnderTest broker, FaultProxy proxy) {
    broker.createCatalogueTopics(List.of(Topics.SAMPLES));
    EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.builder().inMemory().host("127.0.0.1").port(0).build().start();
    return new AgentFaultRig(broker, proxy, registry);
  }

  FaultProxy proxy() {
    if (proxy == null) {
      throw new IllegalStateException("no proxy in front of this broker");
    }
    return proxy;
  }

  /** An agent publishing through the proxy with the registry-backed serializer. */
  AgentBuilder agent(String hostId, long bufferBytes) {
    return TickwatchAgent.builder(hostId)
        .bootstrapServers(bootstrapServers)
        .schemaRegistryUrl(registry.url())
        .controlEnabled(false)
        .bufferBytes(bufferBytes);
  }

  /** What a stretch of game loop saw. */
  record Play(long calls, long maxBufferUsedBytes) {}

  /**
   * Plays the game (ticks and action latencies, 1000 calls per frame) until {@code done} holds and
   * at least {@code minCalls} host calls returned; fails after a generous limit.
   */
  static Play playUntil(TickwatchAgent agent, long minCalls, String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + LIMIT_NANOS;
    long calls = 0;
    long maxUsed = agent.status().bufferUsedBytes();
    while (calls < minCalls || !done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("game loop: condition never became true: " + what);
      }
      for (int i = 0; i < 500; i++) {
        agent.tick(3_000_000L + i);
        agent.actionLatency(ActionType.ATTACK, 150_000L + i);
        calls += 2;
      }
      maxUsed = Math.max(maxUsed, agent.status().bufferUsedBytes());
      // one frame of the game: pacing, not synchronisation
      LockSupport.parkNanos(1_000_000L);
    }
    return new Play(calls, maxUsed);
  }

  /**
   * Live threads that belong to agents: the sampler, publisher and control threads, and the Kafka
   * client threads of agents of {@code hostId} (their names carry the agent's client id).
   */
  static Set<Thread> agentThreads(String hostId) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            t ->
                t.getName().startsWith("tickwatch-sampler")
                    || t.getName().startsWith("tickwatch-publisher")
                    || t.getName().startsWith("tickwatch-control")
                    || t.getName().contains("tickwatch-agent-" + hostId + "-"))
        .collect(Collectors.toSet());
  }

  /**
   * The sequence numbers of every batch of agent run {@code runId} on the samples topic, in topic
   * order (duplicates kept), read from the beginning to the current end of every partition.
   */
  List<Long> sequencesOf(String runId) {
    try (KafkaConsumer<String, SampleBatch> consumer = samplesConsumer()) {
      List<TopicPartition> partitions = assignFromBeginning(consumer);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      List<Long> sequences = new ArrayList<>();
      Await.until(
          "read samples topic to its end",
          () -> {
            poll(consumer, runId, sequences);
            return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
          });
      return sequences;
    }
  }

  /**
   * Waits until a batch of run {@code runId} with sequence >= {@code minSequence} is on the topic.
   */
  void awaitSequenceOnTopic(String runId, long minSequence) {
    try (KafkaConsumer<String, SampleBatch> consumer = samplesConsumer()) {
      assignFromBeginning(consumer);
      List<Long> sequences = new ArrayList<>();
      Await.until(
          "batch " + minSequence + " or later on the topic",
          () -> {
            poll(consumer, runId, sequences);
            return sequences.stream().anyMatch(s -> s >= minSequence);
          });
    }
  }

  private KafkaConsumer<String, SampleBatch> samplesConsumer() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    return new KafkaConsumer<>(
        config,
        new StringDeserializer(),
        new AvroDeserializer<>(new RestSchemaRegistryClient(registry.url()), SampleBatch.class));
  }

  private static List<TopicPartition> assignFromBeginning(
      KafkaConsumer<String, SampleBatch> consumer) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.SAMPLES.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }

  private static void poll(
      KafkaConsumer<String, SampleBatch> consumer, String runId, List<Long> sequences) {
    consumer
        .poll(Duration.ofMillis(200))
        .forEach(
            r -> {
              if (runId.equals(r.value().getAgentRunId())) {
                sequences.add(r.value().getSequence());
              }
            });
  }

  /** Sequence numbers that appear more than once. */
  static Set<Long> duplicates(List<Long> sequences) {
    Set<Long> seen = new HashSet<>();
    Set<Long> twice = new HashSet<>();
    for (long s : sequences) {
      if (!seen.add(s)) {
        twice.add(s);
      }
    }
    return twice;
  }

  /** Closes the registry and the broker (and its proxy). */
  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      broker.close();
    }
  }
}
