package io.tickwatch.cli.experiment;

import io.tickwatch.cli.options.Converters;
import picocli.CommandLine.Option;

/** Picocli mixin: the cluster and registry the experiment commands talk to. */
public final class ConnectionOptions {

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

  ExperimentTopics open() {
    return new ExperimentTopics(bootstrapServers, schemaRegistryUrl);
  }
}
