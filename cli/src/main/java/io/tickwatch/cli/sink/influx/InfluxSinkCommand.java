package io.tickwatch.cli.sink.influx;

import io.tickwatch.cli.options.ClusterConnectionOptions;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.schemas.topic.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch sink influx}: runs an {@link InfluxSink} until interrupted (Ctrl-C). */
@Command(
    name = "influx",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Copies rolling statistics (tickwatch.stats) into InfluxDB as line protocol over the HTTP"
          + " write API (1.x /write, or 2.x /api/v2/write with --org/--bucket), at least once:"
          + " offsets are committed only after InfluxDB accepted the points. Runs until Ctrl-C.",
      "Points: measurement tickwatch_stats; tags metric, host, scope, cluster, window and the"
          + " series labels; fields count, host_count (integers), sum, mean, min, max, stddev,"
          + " rate_per_second, p50, p95, p99, p999; time = window start (ms).",
    })
public final class InfluxSinkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      required = true,
      converter = Converters.HttpUrlConverter.class,
      paramLabel = "URL",
      description = "InfluxDB base URL, e.g. http://127.0.0.1:8086.")
  String url;

  @Option(
      names = "--database",
      paramLabel = "DB",
      description = "InfluxDB 1.x database (the 1.x /write API).")
  String database;

  @Option(
      names = "--retention-policy",
      paramLabel = "RP",
      description = "InfluxDB 1.x retention policy (default: the database's default).")
  String retentionPolicy;

  @Option(
      names = "--org",
      paramLabel = "ORG",
      description = "InfluxDB 2.x organization (with --bucket: the /api/v2/write API).")
  String org;

  @Option(names = "--bucket", paramLabel = "BUCKET", description = "InfluxDB 2.x bucket.")
  String bucket;

  @Option(
      names = "--token",
      defaultValue = "${env:INFLUX_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "Sent as 'Authorization: Token ...' (default: $INFLUX_TOKEN; required for 2.x; for 1.x"
              + " with auth, user:password).")
  String token;

  @Option(
      names = "--topic",
      defaultValue = "tickwatch.stats",
      paramLabel = "TOPIC",
      description = "tickwatch.stats or tickwatch.stats-live (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--measurement",
      defaultValue = RollingStatsPoints.DEFAULT_MEASUREMENT,
      paramLabel = "NAME",
      description = "Measurement of every point (default: ${DEFAULT-VALUE}).")
  String measurement;

  @Option(
      names = "--batch-points",
      defaultValue = "5000",
      paramLabel = "N",
      description = "Most points per write request (default: ${DEFAULT-VALUE}).")
  int batchPoints;

  @Option(
      names = "--max-attempts",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Attempts per write on network errors, 429 and 5xx before giving up; 0 = retry for ever"
              + " (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(
      names = "--max-backoff",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      paramLabel = "DURATION",
      description = "Longest pause between retries; starts at 200ms (default: ${DEFAULT-VALUE}).")
  Duration maxBackoff;

  @Option(
      names = "--group-id",
      defaultValue = InfluxSinkConfig.DEFAULT_GROUP_ID,
      paramLabel = "GROUP",
      description = "Kafka consumer group holding the sink's progress (default: ${DEFAULT-VALUE}).")
  String groupId;

  @Mixin ClusterConnectionOptions cluster;

  @Option(
      names = {"-X", "--kafka-property"},
      paramLabel = "KEY=VALUE",
      description =
          "Extra Kafka consumer property, repeatable; e.g. -X security.protocol=SASL_SSL"
              + " -X sasl.mechanism=PLAIN -X sasl.jaas.config=...")
  Map<String, String> kafkaProperties = new LinkedHashMap<>();

  InfluxSinkConfig config() {
    try {
      boolean v2 = org != null || bucket != null;
      if (v2 && database != null) {
        throw new IllegalArgumentException(
            "use either --database (InfluxDB 1.x) or --org/--bucket (InfluxDB 2.x)");
      }
      InfluxTarget target =
          v2
              ? InfluxTarget.v2(url, org, bucket, token)
              : InfluxTarget.v1(url, database, retentionPolicy, token);
      return new InfluxSinkConfig(
          cluster.bootstrapServers(),
          cluster.schemaRegistryUrl(),
          Topics.byName(topic).map(t -> t.name()).orElse(topic),
          groupId,
          kafkaProperties,
          target,
          measurement,
          batchPoints,
          Duration.ofMillis(200),
          maxBackoff,
          maxAttempts);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    InfluxSinkConfig config = config();
    PrintWriter console = spec.commandLine().getOut();
    console.println(
        "Sinking "
            + config.topic()
            + " from "
            + config.bootstrapServers()
            + " into "
            + config.target().writeUri()
            + " (Ctrl-C to stop)");
    try (InfluxSink sink = InfluxSink.create(config)) {
      Thread main = Thread.currentThread();
      Thread hook =
          new Thread(
              () -> {
                sink.stop();
                try {
                  main.join(15_000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "influx-sink-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        sink.run();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it waits for us
        }
      }
      console.println(
          "Stopped: "
              + sink.recordsRead()
              + " records read, "
              + sink.pointsWritten()
              + " points written, "
              + sink.pointsRejected()
              + " rejected, "
              + sink.recordsSkipped()
              + " skipped");
    }
    return 0;
  }
}
