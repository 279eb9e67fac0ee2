package io.tickwatch.schemas.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A multi-node KRaft cluster of {@link KafkaChildProcess} nodes, each a combined broker and
 * controller in its own child JVM, with a static controller quorum of every node. With three nodes
 * any one can be terminated ({@code SIGTERM}), killed ({@code SIGKILL}) and {@link
 * KafkaChildProcess#restart() restarted} while the other two keep a controller majority and an
 * in-sync replica pair.
 *
 * <p>Defaults: replication factor {@code min(3, nodes)} for new topics and internal topics, {@code
 * min.insync.replicas} {@code min(2, nodes)}, no unclean leader election, no auto-created topics.
 * Each node's JVM has a 384 MiB heap; three nodes need about 1.5 GB of memory. Skip where {@link
 * KafkaChildProcess#supported()} is false.
 */
public final class KafkaChildCluster implements KafkaUnderTest {

  private static final long SYNC_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final Path dir;
  private final List<KafkaChildProcess> nodes;

  private KafkaChildCluster(Path dir, List<KafkaChildProcess> nodes) {
    this.dir = dir;
    this.nodes = List.copyOf(nodes);
  }

  /** Starts {@code nodeCount} nodes and waits until every broker is registered. */
  public static KafkaChildCluster start(int nodeCount) {
    return start(nodeCount, Map.of());
  }

  /**
   * Starts {@code nodeCount} nodes with extra broker properties (they override the defaults) and
   * waits until every broker is registered.
   */
  public static KafkaChildCluster start(int nodeCount, Map<String, String> brokerProperties) {
    if (nodeCount < 1) {
      throw new IllegalArgumentException("at least one node");
    }
    Path dir = null;
    List<KafkaChildProcess> started = new ArrayList<>();
    try {
      dir = Files.createTempDirectory("tickwatch-kafka-cluster");
      int[] ports = new int[nodeCount];
      int[] controllerPorts = new int[nodeCount];
      StringBuilder voters = new StringBuilder();
      for (int i = 0; i < nodeCount; i++) {
        ports[i] = KafkaChildProcess.freePort();
        controllerPorts[i] = KafkaChildProcess.freePort();
        voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:");
        voters.append(controllerPorts[i]);
      }
      String clusterId = Uuid.randomUuid().toString();
      for (int i = 0; i < nodeCount; i++) {
        Map<String, String> props = defaults(nodeCount);
        props.put("controller.quorum.voters", voters.toString());
        props.put(
            "listeners",
            "PLAINTEXT://127.0.0.1:" + ports[i] + ",CONTROLLER://127.0.0.1:" + controllerPorts[i]);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports[i]);
        props.putAll(brokerProperties);
        Path nodeDir = Files.createDirectories(dir.resolve("node-" + (i + 1)));
        started.add(
            KafkaChildProcess.launchClusterNode(nodeDir, clusterId, i + 1, ports[i], props));
      }
      KafkaChildCluster cluster = new KafkaChildCluster(dir, started);
      try {
        started.forEach(KafkaChildProcess::awaitReady);
        cluster.awaitBrokers(nodeCount);
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
      return cluster;
    } catch (IOException | RuntimeException e) {
      started.forEach(KafkaChildProcess::close);
      if (dir != null) {
        KafkaChildProcess.deleteQuietly(dir);
      }
      throw new IllegalStateException("Could not start the child-process Kafka cluster", e);
    }
  }

  private static Map<String, String> defaults(int nodeCount) {
    String rf = Integer.toString(Math.min(3, nodeCount));
    String minIsr = Integer.toString(Math.min(2, nodeCount));
    Map<String, String> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("default.replication.factor", rf);
    props.put("min.insync.replicas", minIsr);
    props.put("unclean.leader.election.enable", "false");
    props.put("offsets.topic.replication.factor", rf);
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", rf);
    props.put("transaction.state.log.min.isr", minIsr);
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", rf);
    props.put("share.coordinator.state.topic.min.isr", minIsr);
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    // a restarted node catches up and rejoins the ISR quickly on a loaded machine
    props.put("replica.lag.time.max.ms", "10000");
    props.put("num.partitions", "1");
    return props;
  }

  /** Every node's client listener, comma-separated. */
  @Override
  public String bootstrapServers() {
    return nodes.stream().map(KafkaChildProcess::bootstrapServers).collect(Collectors.joining(","));
  }

  /** The nodes, node id {@code i + 1} at index {@code i}. */
  public List<KafkaChildProcess> nodes() {
    return nodes;
  }

  /** A new admin client for the cluster; the caller closes it. */
  @Override
  public Admin createAdmin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
            1000));
  }

  /**
   * Waits (bounded, 120 s) until every partition of every topic, internal ones included, has its
   * full replica set in sync: after a restart, the point from which the next node can be bounced
   * without dropping below {@code min.insync.replicas}.
   */
  public void awaitAllInSync() {
    long deadline = System.nanoTime() + SYNC_LIMIT_NANOS;
    String lastState = "never described";
    try (Admin admin = createAdmin()) {
      while (true) {
        try {
          Set<String> topics =
              admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
          Map<String, TopicDescription> described =
              admin.describeTopics(topics).allTopicNames().get();
          List<String> lagging = new ArrayList<>();
          described.forEach(
              (topic, description) -> {
                for (TopicPartitionInfo p : description.partitions()) {
                  if (p.leader() == null || p.isr().size() < p.replicas().size()) {
                    lagging.add(topic + "-" + p.partition() + " isr=" + p.isr().size());
                  }
                }
              });
          if (lagging.isEmpty()) {
            return;
          }
          lastState = lagging.toString();
        } catch (Exception notYet) {
          if (notYet instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", notYet);
          }
          lastState = notYet.toString();
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("replicas never all in sync: " + lastState);
        }
        LockSupport.parkNanos(200_000_000L);
      }
    }
  }

  private void awaitBrokers(int count) {
    long deadline = System.nanoTime() + SYNC_LIMIT_NANOS;
    try (Admin admin = createAdmin()) {
      while (true) {
        try {
          if (admin
                  .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                  .nodes()
                  .get()
                  .size()
              >= count) {
            return;
          }
        } catch (Exception notYet) {
          if (notYet instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", notYet);
          }
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("fewer than " + count + " brokers registered");
        }
        LockSupport.parkNanos(200_000_000L);
      }
    }
  }

  /** Stops every node and deletes the cluster's storage. */
  @Override
  public void close() {
    try {
      nodes.forEach(KafkaChildProcess::close);
    } finally {
      KafkaChildProcess.deleteQuietly(dir);
    }
  }
}
