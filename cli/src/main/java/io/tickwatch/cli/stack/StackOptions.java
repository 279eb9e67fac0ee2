package io.tickwatch.cli.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link DevStack} needs to know, already parsed. With {@code bootstrapServers} present
 * the stack uses that cluster instead of starting the embedded broker; with {@code
 * schemaRegistryUrl} present it uses that registry instead of starting the embedded one.
 *
 * @param dataDir root of the embedded broker's storage and of the log files
 * @param host interface the embedded services bind to
 * @param kafkaPort PLAINTEXT port of the embedded broker
 * @param controllerPort KRaft controller port of the embedded broker
 * @param registryPort HTTP port of the embedded schema registry
 * @param bootstrapServers an existing cluster to use, or empty for the embedded broker
 * @param schemaRegistryUrl an existing registry to use, or empty for the embedded one
 * @param connectTimeout how long to wait for an existing cluster or registry to answer
 */
public record StackOptions(
    Path dataDir,
    String host,
    int kafkaPort,
    int controllerPort,
    int registryPort,
    Optional<String> bootstrapServers,
    Optional<String> schemaRegistryUrl,
    Duration connectTimeout) {

  public static final Path DEFAULT_DATA_DIR = Path.of("tickwatch-data");
  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_CONTROLLER_PORT = 9093;
  public static final int DEFAULT_REGISTRY_PORT = 8081;

  public StackOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /** Defaults: ./tickwatch-data, 127.0.0.1, ports 9092/9093/8081, embedded everything, 15 s. */
  public static StackOptions defaults() {
    return new StackOptions(
        DEFAULT_DATA_DIR,
        "127.0.0.1",
        DEFAULT_KAFKA_PORT,
        DEFAULT_CONTROLLER_PORT,
        DEFAULT_REGISTRY_PORT,
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(15));
  }

  public boolean embeddedBroker() {
    return bootstrapServers.isEmpty();
  }

  public boolean embeddedRegistry() {
    return schemaRegistryUrl.isEmpty();
  }

  /**
   * Checks the combination of options; returns every problem found (empty when valid), each as one
   * line.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (embeddedBroker() && kafkaPort == controllerPort) {
      problems.add("--kafka-port and --controller-port must differ (both " + kafkaPort + ")");
    }
    if (embeddedRegistry() && embeddedBroker()) {
      if (registryPort == kafkaPort || registryPort == controllerPort) {
        problems.add(
            "--registry-port " + registryPort + " collides with the Kafka or controller port");
      }
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      problems.add("connect timeout must be positive");
    }
    return problems;
  }

  public StackOptions withDataDir(Path newDataDir) {
    return new StackOptions(
        newDataDir,
        host,
        kafkaPort,
        controllerPort,
        registryPort,
        bootstrapServers,
        schemaRegistryUrl,
        connectTimeout);
  }

  public StackOptions withPorts(int newKafkaPort, int newControllerPort, int newRegistryPort) {
    return new StackOptions(
        dataDir,
        host,
        newKafkaPort,
        newControllerPort,
        newRegistryPort,
        bootstrapServers,
        schemaRegistryUrl,
        connectTimeout);
  }

  public StackOptions withExternal(
      Optional<String> newBootstrapServers, Optional<String> newSchemaRegistryUrl) {
    return new StackOptions(
        dataDir,
        host,
        kafkaPort,
        controllerPort,
        registryPort,
        newBootstrapServers,
        newSchemaRegistryUrl,
        connectTimeout);
  }

  public StackOptions withConnectTimeout(Duration newConnectTimeout) {
    return new StackOptions(
        dataDir,
        host,
        kafkaPort,
        controllerPort,
        registryPort,
        bootstrapServers,
        schemaRegistryUrl,
        newConnectTimeout);
  }
}
