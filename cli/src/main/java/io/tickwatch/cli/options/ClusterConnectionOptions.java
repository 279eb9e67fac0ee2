package io.tickwatch.cli.options;

import picocli.CommandLine.Option;

/**
 * Picocli mixin of the commands that work against a running cluster: {@code --bootstrap-servers}
 * and {@code --schema-registry-url}, defaulting to the demo's {@code localhost:9092} and {@code
 * http://localhost:8081}. (The bench commands use {@link ExistingClusterOptions} instead: without
 * the options they start their own embedded cluster.)
 */
public final class ClusterConnectionOptions {

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "localhost:9092",
      converter = Converters.BootstrapServersConverter.class,
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      defaultValue = "http://localhost:8081",
      converter = Converters.HttpUrlConverter.class,
      paramLabel = "URL",
      description = "Schema registry (default: ${DEFAULT-VALUE}).")
  String schemaRegistryUrl;

  /** The Kafka bootstrap servers, {@code host:port[,...]}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The schema registry's base URL. */
  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }
}
