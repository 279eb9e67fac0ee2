package io.tickwatch.cli.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster in this JVM: one KRaft process acting as broker and controller
 * ({@code process.roles=broker,controller}), built from Kafka's own server classes.
 *
 * <p>Storage lives under {@code dataDir/kafka}. The first start formats it with a fresh cluster id;
 * later starts find {@code meta.properties} and reuse the cluster id, topics and records, so
 * history survives restarts. The controller quorum is static ({@code controller.quorum.voters}), so
 * ports may change between restarts.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #close()} (idempotent). Not thread-safe.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Path dataDir;
  private final String host;
  private final int kafkaPort;
  private final int controllerPort;
  private final Duration startTimeout;
  private final Map<String, String> overrides;

  private KafkaRaftServer server;
  private String clusterId;
  private boolean formattedOnStart;

  private EmbeddedKafkaBroker(Builder builder) {
    this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir").toAbsolutePath();
    this.host = builder.host;
    this.kafkaPort = builder.kafkaPort;
    this.controllerPort = builder.controllerPort;
    this.startTimeout = builder.startTimeout;
    this.overrides = Map.copyOf(builder.overrides);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks the ports, formats the storage if it is new, starts the server and waits until it
   * answers a metadata request.
   *
   * @throws StackException with a one-line message when a port is busy, the storage cannot be
   *     formatted or the broker does not come up within the start timeout
   */
  public void start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    PortCheck.requireFree(host, kafkaPort, "Kafka", "--kafka-port");
    PortCheck.requireFree(host, controllerPort, "Kafka controller", "--controller-port");
    KafkaConfig config = new KafkaConfig(serverProperties(), false);
    formattedOnStart = formatIfNeeded();
    clusterId = readClusterId();
    LOG.info(
        "Starting KRaft broker node {} (cluster {}) on {}, data in {}",
        NODE_ID,
        clusterId,
        bootstrapServers(),
        logDir());
    KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
    server = raftServer;
    try {
      raftServer.startup();
      awaitReady();
    } catch (RuntimeException e) {
      close();
      throw e instanceof StackException
          ? e
          : new StackException("Kafka broker failed to start: " + e.getMessage(), e);
    }
  }

  /** {@code host:port} of the PLAINTEXT listener. */
  public String bootstrapServers() {
    return host + ":" + kafkaPort;
  }

  /** The cluster id stored in {@code meta.properties}; available after {@link #start()}. */
  public String clusterId() {
    return clusterId;
  }

  /** Whether {@link #start()} formatted new storage (false when it reused existing data). */
  public boolean formattedOnStart() {
    return formattedOnStart;
  }

  /** Directory holding the broker's log segments and metadata log. */
  public Path logDir() {
    return dataDir.resolve("kafka");
  }

  /** Shuts the server down and waits for it. Idempotent. */
  @Override
  public void close() {
    KafkaRaftServer current = server;
    server = null;
    if (current == null) {
      return;
    }
    LOG.info("Stopping KRaft broker on {}", bootstrapServers());
    try {
      current.shutdown();
      current.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka broker did not shut down cleanly", e);
    }
  }

  Map<String, Object> serverProperties() {
    Map<String, Object> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://"
            + host
            + ":"
            + kafkaPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + host
            + ":"
            + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + kafkaPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("log.dirs", logDir().toString());
    props.put("metadata.log.dir", logDir().toString());
    // single node: every internal topic has exactly one replica
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "5");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.putAll(overrides);
    return props;
  }

  private boolean formatIfNeeded() {
    Path metaProperties = logDir().resolve("meta.properties");
    if (Files.exists(metaProperties)) {
      return false;
    }
    try {
      Files.createDirectories(logDir());
      Formatter formatter =
          new Formatter()
              .setPrintStream(
                  new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
              .setNodeId(NODE_ID)
              .setClusterId(Uuid.randomUuid().toString())
              .setDirectories(List.of(logDir().toString()))
              .setMetadataLogDirectory(logDir().toString())
              // release version left unset: the Formatter uses the latest production version
              .setControllerListenerName(CONTROLLER_LISTENER)
              .setIgnoreFormatted(true);
      formatter.run();
      LOG.info("Formatted new KRaft storage in {} (cluster {})", logDir(), formatter.clusterId());
      return true;
    } catch (Exception e) {
      throw new StackException(
          "cannot format Kafka storage in " + logDir() + ": " + e.getMessage(), e);
    }
  }

  private String readClusterId() {
    Properties meta = new Properties();
    try (var in = Files.newInputStream(logDir().resolve("meta.properties"))) {
      meta.load(in);
    } catch (IOException e) {
      throw new StackException("cannot read " + logDir().resolve("meta.properties"), e);
    }
    return meta.getProperty("cluster.id");
  }

  private void awaitReady() {
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) startTimeout.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) startTimeout.toMillis()))
          .nodes()
          .get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while waiting for the Kafka broker", e);
    } catch (Exception e) {
      throw new StackException(
          "Kafka broker on "
              + bootstrapServers()
              + " did not become ready within "
              + startTimeout.toSeconds()
              + " s (see the log in "
              + dataDir
              + ")",
          e);
    }
  }

  /** Builder; defaults: 127.0.0.1, ports 9092/9093, start timeout 60 s. */
  public static final class Builder {
    private Path dataDir;
    private String host = "127.0.0.1";
    private int kafkaPort = 9092;
    private int controllerPort = 9093;
    private Duration startTimeout = Duration.ofSeconds(60);
    private final Map<String, String> overrides = new HashMap<>();

    private Builder() {}

    /** Root data directory; Kafka's storage goes to {@code dataDir/kafka}. Required. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder kafkaPort(int kafkaPort) {
      this.kafkaPort = requirePort(kafkaPort);
      return this;
    }

    public Builder controllerPort(int controllerPort) {
      this.controllerPort = requirePort(controllerPort);
      return this;
    }

    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /** Sets any other Kafka server property (wins over the defaults). */
    public Builder serverProperty(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    public EmbeddedKafkaBroker build() {
      if (kafkaPort == controllerPort) {
        throw new IllegalArgumentException(
            "Kafka port and controller port must differ, both are " + kafkaPort);
      }
      return new EmbeddedKafkaBroker(this);
    }

    private static int requirePort(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be in 1..65535, was " + port);
      }
      return port;
    }
  }
}
