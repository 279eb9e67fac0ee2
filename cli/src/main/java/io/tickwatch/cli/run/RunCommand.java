package io.tickwatch.cli.run;

import io.tickwatch.alerting.AlertingConfig;
import io.tickwatch.alerting.AlertingService;
import io.tickwatch.cli.options.ClusterConnectionOptions;
import io.tickwatch.cli.stack.TopicBootstrapper;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.ab.AbConfig;
import io.tickwatch.streams.ab.AbStreamsConfig;
import io.tickwatch.streams.anomaly.AnomalyConfig;
import io.tickwatch.streams.anomaly.AnomalyStreamsConfig;
import io.tickwatch.streams.app.AbApp;
import io.tickwatch.streams.app.AnomalyApp;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tickwatch run SERVICE}: one service against an existing cluster until SIGTERM. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one service (stats, anomalies, ab or alerting; topics creates the topics and exits) against an existing Kafka cluster and"
          + " schema registry until SIGTERM/Ctrl-C; the entry point of the container images (see"
          + " docs/DEPLOY.md). Extra configuration by -c KEY=VALUE (keys as in"
          + " docs/configuration.md, e.g. tickwatch.app.query-host=0.0.0.0 or"
          + " alerting.http.port=8083), by $TICKWATCH_CONFIG=\"k1=v1,k2=v2\" or by a properties"
          + " file (--config-file); -c wins over the environment, which wins over the file.",
    })
public final class RunCommand implements Callable<Integer> {

  /** Environment variable with comma-separated KEY=VALUE pairs, applied before -c. */
  public static final String CONFIG_ENV = "TICKWATCH_CONFIG";

  /** The services this command runs. */
  public enum Service {
    STATS,
    ANOMALIES,
    AB,
    ALERTING,
    /** One-shot: creates every Tickwatch topic that is missing, then exits. */
    TOPICS
  }

  /** Replication factor of the topics created by {@code run topics}. */
  public static final String TOPICS_REPLICATION_FACTOR = "tickwatch.topics.replication-factor";

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SERVICE",
      converter = ServiceConverter.class,
      description = "stats, anomalies, ab, alerting or topics.")
  Service service;

  @Mixin ClusterConnectionOptions cluster;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "KEY=VALUE",
      description = "Extra configuration, repeatable; wins over $" + CONFIG_ENV + ".")
  Map<String, String> config = new LinkedHashMap<>();

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "Java properties file with configuration keys; $" + CONFIG_ENV + " and -c win over it.")
  java.nio.file.Path configFile;

  /** Environment lookup; tests replace it. */
  java.util.function.Function<String, String> env = System::getenv;

  /** The merged configuration: defaults of the service, $TICKWATCH_CONFIG, -c, the options. */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    switch (service) {
      case ANOMALIES -> {
        values.put(StreamsAppConfig.APPLICATION_ID, AnomalyStreamsConfig.DEFAULT_APPLICATION_ID);
        values.put(StreamsAppConfig.QUERY_PORT, "0");
      }
      case AB -> {
        values.put(StreamsAppConfig.APPLICATION_ID, AbStreamsConfig.DEFAULT_APPLICATION_ID);
        values.put(StreamsAppConfig.QUERY_PORT, "0");
      }
      default -> {}
    }
    if (configFile != null) {
      java.util.Properties file = new java.util.Properties();
      try (java.io.Reader reader =
          java.nio.file.Files.newBufferedReader(
              configFile, java.nio.charset.StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (java.io.IOException | IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "--config-file " + configFile + ": cannot read it (" + e + ")");
      }
      for (String key : new java.util.TreeSet<>(file.stringPropertyNames())) {
        values.put(key.trim(), file.getProperty(key).trim());
      }
    }
    String fromEnv = env.apply(CONFIG_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      for (String pair : fromEnv.split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new ParameterException(
              spec.commandLine(), CONFIG_ENV + ": expected KEY=VALUE but was '" + pair + "'");
        }
        values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    values.putAll(config);
    if (service == Service.ALERTING || service == Service.TOPICS) {
      values.put("bootstrap.servers", cluster.bootstrapServers());
      values.put("schema.registry.url", cluster.schemaRegistryUrl());
    } else {
      values.put(StreamsAppConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
      values.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, cluster.schemaRegistryUrl());
    }
    return values;
  }

  /** Parses and validates the configuration and creates (does not start) the service. */
  Runnable prepare(Map<String, AutoCloseable> created) {
    Map<String, String> values = values();
    try {
      if (service == Service.ALERTING) {
        AlertingService alerting = AlertingService.create(AlertingConfig.fromMap(values));
        created.put("alerting", alerting);
        return alerting::start;
      }
      StreamsAppConfig appConfig = StreamsAppConfig.from(values);
      RestSchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
      StreamsApp app =
          switch (service) {
            case STATS ->
                RollingStatsApp.create(appConfig, RollingStatsConfig.from(values::get), registry);
            case ANOMALIES ->
                AnomalyApp.create(appConfig, AnomalyConfig.from(values::get), registry);
            case AB -> AbApp.create(appConfig, AbConfig.from(values), registry);
            case ALERTING, TOPICS -> throw new IllegalStateException("unreachable");
          };
      created.put(appConfig.applicationId(), app);
      return app::start;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Parses the replication factor of {@code run topics}. */
  short topicsReplicationFactor() {
    String text = values().getOrDefault(TOPICS_REPLICATION_FACTOR, "3").trim();
    try {
      short factor = Short.parseShort(text);
      if (factor >= 1) {
        return factor;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(
        spec.commandLine(),
        TOPICS_REPLICATION_FACTOR + ": expected a positive number but was '" + text + "'");
  }

  private int createTopics() {
    short factor = topicsReplicationFactor();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      TopicBootstrapper.Result result =
          new TopicBootstrapper(admin, factor, Duration.ofSeconds(60)).ensure(Topics.all());
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Topics: created "
              + result.created().size()
              + ", already there "
              + result.existing().size()
              + " (replication factor "
              + factor
              + ")");
      out.flush();
    }
    return 0;
  }

  @Override
  public Integer call() throws Exception {
    if (service == Service.TOPICS) {
      return createTopics();
    }
    Map<String, AutoCloseable> created = new LinkedHashMap<>();
    Runnable start = prepare(created);
    String name = created.keySet().iterator().next();
    AutoCloseable running = created.get(name);
    UntilShutdown until = UntilShutdown.register("tickwatch-" + name);
    try {
      start.run();
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Running "
            + name
            + " against "
            + cluster.bootstrapServers()
            + " and "
            + cluster.schemaRegistryUrl()
            + " until SIGTERM/Ctrl-C");
    out.flush();
    until.awaitThenClose(running);
    return 0;
  }

  /** Case-insensitive service names. */
  static final class ServiceConverter implements picocli.CommandLine.ITypeConverter<Service> {
    @Override
    public Service convert(String value) {
      try {
        return Service.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown service '" + value + "'; expected stats, anomalies, ab, alerting or topics");
      }
    }
  }
}
