package io.tickwatch.cli.options;

import picocli.CommandLine.Option;

/**
 * Picocli mixin for commands that start an embedded broker and registry unless pointed at an
 * existing cluster: {@code --bootstrap-servers} and {@code --schema-registry-url}.
 */
public final class ExistingClusterOptions {

  /**
   * Registry assumed with {@code --bootstrap-servers} but without {@code --schema-registry-url}.
   */
  public static final String DEFAULT_REGISTRY_URL = "http://localhost:8081";

  @Option(
      names = "--bootstrap-servers",
      converter = Converters.BootstrapServersConverter.class,
      paramLabel = "HOST:PORT[,...]",
      description = "Use this cluster instead of an embedded broker.")
  public String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      converter = Converters.HttpUrlConverter.class,
      paramLabel = "URL",
      description =
          "Use this registry (default: embedded, or http://localhost:8081 with --bootstrap-servers).")
  public String schemaRegistryUrl;
}
