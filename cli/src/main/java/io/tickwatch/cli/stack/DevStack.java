package io.tickwatch.cli.stack;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.topic.Topics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-machine Tickwatch stack: a Kafka cluster (the embedded KRaft broker, or an existing
 * cluster), every catalogue topic, and a schema registry (the embedded one, or an existing one).
 *
 * <p>{@link #start} checks every port before it starts anything, so a busy port fails fast with one
 * line. {@link #close} stops the parts in reverse order of starting; it is idempotent and safe to
 * call from a shutdown hook.
 */
public final class DevStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

  private final StackOptions options;
  private final Consumer<String> status;
  private final Deque<Part> parts = new ArrayDeque<>();
  private final List<String> running = new ArrayList<>();
  private String bootstrapServers;
  private String schemaRegistryUrl;
  private SchemaRegistryClient registryClient;
  private TopicBootstrapper.Result topics;
  private String clusterId;

  private record Part(String name, AutoCloseable closeable) {}

  private DevStack(StackOptions options, Consumer<String> status) {
    this.options = options;
    this.status = status;
  }

  /**
   * Starts the stack. On failure everything already started is stopped again before the exception
   * propagates.
   *
   * @param status receives one short human-readable line per step (for the console)
   * @throws StackException with a one-line message (busy port, unreachable cluster, ...)
   */
  public static DevStack start(StackOptions options, Consumer<String> status) {
    List<String> problems = options.problems();
    if (!problems.isEmpty()) {
      throw new StackException(String.join("; ", problems));
    }
    DevStack stack = new DevStack(options, status);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() {
    if (options.embeddedBroker()) {
      PortCheck.requireFree(options.host(), options.kafkaPort(), "Kafka", "--kafka-port");
      PortCheck.requireFree(
          options.host(), options.controllerPort(), "Kafka controller", "--controller-port");
    }
    if (options.embeddedRegistry()) {
      PortCheck.requireFree(
          options.host(), options.registryPort(), "schema registry", "--registry-port");
    }
    startKafka();
    createTopics();
    startRegistry();
  }

  private void startKafka() {
    if (options.embeddedBroker()) {
      EmbeddedKafkaBroker broker =
          EmbeddedKafkaBroker.builder()
              .dataDir(options.dataDir())
              .host(options.host())
              .kafkaPort(options.kafkaPort())
              .controllerPort(options.controllerPort())
              .build();
      broker.start();
      parts.push(new Part("Kafka broker", broker));
      bootstrapServers = broker.bootstrapServers();
      clusterId = broker.clusterId();
      String line =
          "Kafka (embedded KRaft broker+controller) on "
              + bootstrapServers
              + ", cluster "
              + clusterId
              + (broker.formattedOnStart() ? ", new storage" : ", existing storage reused")
              + " in "
              + broker.logDir();
      running.add(line);
      status.accept(line);
    } else {
      bootstrapServers = options.bootstrapServers().orElseThrow();
      ClusterProbe.ClusterInfo info =
          ClusterProbe.describe(bootstrapServers, options.connectTimeout());
      clusterId = info.clusterId();
      String line =
          "Kafka (existing cluster) at "
              + bootstrapServers
              + ", cluster "
              + clusterId
              + ", "
              + info.brokerCount()
              + " broker(s)";
      running.add(line);
      status.accept(line);
    }
  }

  private void createTopics() {
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) options.connectTimeout().toMillis(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            (int) options.connectTimeout().toMillis(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            "tickwatch-topic-bootstrap");
    try (Admin admin = Admin.create(adminConfig)) {
      short replicationFactor = options.embeddedBroker() ? (short) 1 : replicationFactorFor(admin);
      topics =
          new TopicBootstrapper(admin, replicationFactor, options.connectTimeout())
              .ensure(Topics.all());
    }
    status.accept(
        "Topics: "
            + topics.created().size()
            + " created, "
            + topics.existing().size()
            + " already present ("
            + (topics.created().size() + topics.existing().size())
            + " in the catalogue)");
  }

  private short replicationFactorFor(Admin admin) {
    ClusterProbe.ClusterInfo info =
        ClusterProbe.describe(bootstrapServers, options.connectTimeout());
    return (short) Math.max(1, Math.min(3, info.brokerCount()));
  }

  private void startRegistry() {
    if (options.embeddedRegistry()) {
      EmbeddedSchemaRegistry registry =
          EmbeddedSchemaRegistry.builder()
              .bootstrapServers(bootstrapServers)
              .host(options.host())
              .port(options.registryPort())
              .build();
      try {
        registry.start();
      } catch (RuntimeException e) {
        registry.close();
        throw new StackException("schema registry failed to start: " + e.getMessage(), e);
      }
      parts.push(new Part("schema registry", registry));
      schemaRegistryUrl = registry.url();
      String line =
          "Schema registry (embedded, Confluent REST API) at "
              + schemaRegistryUrl
              + ", schemas kept in topic "
              + Topics.SCHEMAS.name();
      running.add(line);
      status.accept(line);
    } else {
      schemaRegistryUrl = options.schemaRegistryUrl().orElseThrow();
    }
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(schemaRegistryUrl);
    parts.push(new Part("schema registry client", client));
    registryClient = client;
    if (!options.embeddedRegistry()) {
      try {
        int subjects = client.getSubjects().size();
        String line =
            "Schema registry (existing) at " + schemaRegistryUrl + ", " + subjects + " subject(s)";
        running.add(line);
        status.accept(line);
      } catch (RuntimeException e) {
        throw new StackException(
            "cannot reach the schema registry at " + schemaRegistryUrl + ": " + e.getMessage(), e);
      }
    }
  }

  /** Comma-separated {@code host:port} list of the Kafka cluster in use. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Base URL of the schema registry in use, without a trailing slash. */
  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  /** A caching registry client for {@link #schemaRegistryUrl()}; closed by {@link #close()}. */
  public SchemaRegistryClient registryClient() {
    return registryClient;
  }

  /** Cluster id of the Kafka cluster in use. */
  public String clusterId() {
    return clusterId;
  }

  /** What the topic bootstrap did at start. */
  public TopicBootstrapper.Result topics() {
    return topics;
  }

  /** One line per running part, in start order. */
  public List<String> running() {
    return List.copyOf(running);
  }

  /**
   * Registers a part started on top of the stack (a publisher, a service) so that {@link #close()}
   * stops it first.
   */
  public synchronized void adopt(String name, AutoCloseable part) {
    parts.push(new Part(name, part));
  }

  /** Stops every part in reverse start order. Idempotent; never throws. */
  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      Part part = parts.pop();
      try {
        LOG.info("Stopping {}", part.name());
        part.closeable().close();
      } catch (Exception e) {
        LOG.warn("{} did not stop cleanly", part.name(), e);
      }
    }
  }
}
