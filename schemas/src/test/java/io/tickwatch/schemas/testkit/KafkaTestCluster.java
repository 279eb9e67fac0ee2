package io.tickwatch.schemas.testkit;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster inside the test JVM: one combined KRaft broker+controller on
 * ephemeral ports, storage in a temporary directory deleted on {@link #close()}. Built on Kafka's
 * own test kit ({@code kafka-test-common-runtime}).
 *
 * <pre>{@code
 * try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
 *   producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>Other modules use it through the schemas test-jar ({@code io.tickwatch:tickwatch-schemas},
 * type {@code test-jar}, scope test) plus {@code org.apache.kafka:kafka-test-common-runtime} at
 * scope test, which brings the broker classes ({@code kafka_2.13}, {@code kafka-server}, ...).
 *
 * <p>Internal topics use replication factor 1 and consumer groups rebalance without the initial
 * delay. Start one per test class ({@code @BeforeAll}), not per test: a start takes a few seconds.
 */
public final class KafkaTestCluster implements AutoCloseable {
  private static final Map<String, Object> SINGLE_NODE_DEFAULTS =
      Map.of(
          "offsets.topic.replication.factor", "1",
          "offsets.topic.num.partitions", "4",
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "share.coordinator.state.topic.replication.factor", "1",
          "share.coordinator.state.topic.min.isr", "1",
          "group.initial.rebalance.delay.ms", "0",
          "auto.create.topics.enable", "false");

  private final KafkaClusterTestKit kit;

  private KafkaTestCluster(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  /** Starts a cluster with the single-node defaults and waits until the broker is ready. */
  public static KafkaTestCluster start() {
    return start(Map.of());
  }

  /**
   * Starts a cluster with extra broker properties (they override the defaults) and waits until the
   * broker is ready.
   */
  public static KafkaTestCluster start(Map<String, ?> brokerProperties) {
    KafkaClusterTestKit kit = null;
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      SINGLE_NODE_DEFAULTS.forEach(builder::setConfigProp);
      brokerProperties.forEach(builder::setConfigProp);
      kit = builder.build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return new KafkaTestCluster(kit);
    } catch (Exception e) {
      if (kit != null) {
        closeQuietly(kit, e);
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("Could not start the in-JVM Kafka test cluster", e);
    }
  }

  /** {@code host:port} of the broker's client listener. */
  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  /** A new admin client for this cluster; the caller closes it. */
  public Admin createAdmin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Stops the broker and controller and deletes their storage. */
  @Override
  public void close() {
    try {
      kit.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("Could not stop the in-JVM Kafka test cluster", e);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit kit, Exception failure) {
    try {
      kit.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }
}
