package io.tickwatch.schemas.testkit;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster inside the test JVM: one combined KRaft broker+controller on
 * ephemeral ports, storage in a temporary directory deleted on {@link #close()}. Built on Kafka's
 * own test kit ({@code kafka-test-common-runtime}). {@link #start(int)} starts several brokers
 * instead (replication factor 3, {@code min.insync.replicas} 2 by default).
 *
 * <pre>{@code
 * try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
 *   kafka.createCatalogueTopics(Topics.all()); // returns once every partition has a leader
 *   producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>Create topics through {@link #createTopics(java.util.Collection)} and its variants (see {@link
 * KafkaUnderTest}): they wait for every partition's leader, which {@code Admin.createTopics} does
 * not, and a producer writing before that can lose records (KAFKA-15591).
 *
 * <p>Other modules use it through the schemas test-jar ({@code io.tickwatch:tickwatch-schemas},
 * type {@code test-jar}, scope test) plus {@code org.apache.kafka:kafka-test-common-runtime} at
 * scope test, which brings the broker classes ({@code kafka_2.13}, {@code kafka-server}, ...).
 *
 * <p>Internal topics use replication factor 1 and consumer groups rebalance without the initial
 * delay. Start one per test class ({@code @BeforeAll}), not per test: a start takes a few seconds.
 */
public final class KafkaTestCluster implements KafkaUnderTest {
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
  private final FaultProxy proxy;

  private KafkaTestCluster(KafkaClusterTestKit kit, FaultProxy proxy) {
    this.kit = kit;
    this.proxy = proxy;
  }

  /**
   * Starts a cluster of {@code brokers} brokers (the first also the single KRaft controller) and
   * waits until all are ready. With more than one broker every internal topic, and every topic
   * created without an explicit replication factor, gets replication factor {@code min(3, brokers)}
   * and {@code min.insync.replicas} {@code min(2, brokers)}.
   */
  public static KafkaTestCluster start(int brokers) {
    return start(brokers, Map.of());
  }

  /** {@link #start(int)} with extra broker properties (they override the defaults). */
  public static KafkaTestCluster start(int brokers, Map<String, ?> brokerProperties) {
    if (brokers < 1) {
      throw new IllegalArgumentException("brokers must be at least 1: " + brokers);
    }
    Map<String, Object> properties = new HashMap<>();
    if (brokers > 1) {
      String replication = String.valueOf(Math.min(3, brokers));
      String minIsr = String.valueOf(Math.min(2, brokers));
      properties.put("offsets.topic.replication.factor", replication);
      properties.put("transaction.state.log.replication.factor", replication);
      properties.put("transaction.state.log.min.isr", minIsr);
      properties.put("share.coordinator.state.topic.replication.factor", replication);
      properties.put("share.coordinator.state.topic.min.isr", minIsr);
      properties.put("default.replication.factor", replication);
      properties.put("min.insync.replicas", minIsr);
    }
    properties.putAll(brokerProperties);
    return start(brokers, properties, null);
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
    return start(1, brokerProperties, null);
  }

  /**
   * Starts a cluster whose clients can only reach the broker through a {@link FaultProxy}: the
   * broker's client listener binds an ephemeral port B but advertises the proxy's {@code
   * 127.0.0.1:P}, and the proxy forwards P to B. Since Kafka clients connect to the advertised
   * address after bootstrap, every client connection (producer, consumer, admin) passes through the
   * proxy, so {@link #proxy()} can pause, cut or slow the broker for them. {@link
   * #bootstrapServers()} is the proxy's address. The controller listener is not proxied, so the
   * broker itself stays healthy while its clients see the fault.
   */
  public static KafkaTestCluster startBehindProxy() {
    return startBehindProxy(Map.of());
  }

  /** {@link #startBehindProxy()} with extra broker properties (they override the defaults). */
  public static KafkaTestCluster startBehindProxy(Map<String, ?> brokerProperties) {
    FaultProxy proxy = FaultProxy.startUnbound();
    try {
      return start(1, brokerProperties, proxy);
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
  }

  private static KafkaTestCluster start(
      int brokers, Map<String, ?> brokerProperties, FaultProxy proxy) {
    KafkaClusterTestKit kit = null;
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(brokers)
              .setNumControllerNodes(1)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      SINGLE_NODE_DEFAULTS.forEach(builder::setConfigProp);
      if (proxy != null) {
        builder.setConfigProp(
            "advertised.listeners", nodes.brokerListenerName().value() + "://" + proxy.address());
      }
      brokerProperties.forEach(builder::setConfigProp);
      kit = builder.build();
      kit.format();
      kit.startup();
      if (proxy != null) {
        String direct = kit.bootstrapServers().split(",")[0];
        int colon = direct.lastIndexOf(':');
        proxy.forwardTo(direct.substring(0, colon), Integer.parseInt(direct.substring(colon + 1)));
      }
      kit.waitForReadyBrokers();
      return new KafkaTestCluster(kit, proxy);
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

  /**
   * {@code host:port} of the broker's client listener, or of the {@link #proxy()} in front of it
   * for a cluster started {@link #startBehindProxy() behind a proxy}.
   */
  @Override
  public String bootstrapServers() {
    return proxy != null ? proxy.address() : kit.bootstrapServers();
  }

  /**
   * The fault proxy every client connection passes through.
   *
   * @throws IllegalStateException if the cluster was not started with {@link #startBehindProxy()}
   */
  public FaultProxy proxy() {
    if (proxy == null) {
      throw new IllegalStateException("this cluster was not started behind a proxy");
    }
    return proxy;
  }

  /** A new admin client for this cluster; the caller closes it. */
  @Override
  public Admin createAdmin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Stops the broker and controller (and the proxy, if any) and deletes their storage. */
  @Override
  public void close() {
    try {
      if (proxy != null) {
        // let the broker's clients go first: a paused proxy would hold them until timeouts
        proxy.pass();
      }
      kit.close();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("Could not stop the in-JVM Kafka test cluster", e);
    } finally {
      if (proxy != null) {
        proxy.close();
      }
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
