package io.tickwatch.cli;

import io.tickwatch.cli.options.ClusterConnectionOptions;
import io.tickwatch.cli.options.Converters;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickwatch dashboard}: the dashboard alone, against an existing cluster. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the web dashboard (live charts, alerts, experiments, profiles, /metrics) against an"
          + " existing Kafka cluster and schema registry until Ctrl-C. History comes from the"
          + " streams app's interactive queries (--query-url), acknowledgements and silences go to"
          + " the alerting service (--alerting-url). See docs/DASHBOARD.md.",
    })
public final class DashboardCommand implements Callable<Integer> {

  /** Environment variable read for the access token when --token is not given. */
  public static final String TOKEN_ENV = "TICKWATCH_DASHBOARD_TOKEN";

  @Spec CommandSpec spec;

  @Mixin ClusterConnectionOptions cluster;

  @Option(
      names = "--query-url",
      defaultValue = "http://127.0.0.1:8082",
      converter = Converters.HttpUrlConverter.class,
      paramLabel = "URL",
      description = "The streams app's interactive queries (default: ${DEFAULT-VALUE}).")
  String queryUrl;

  @Option(
      names = "--alerting-url",
      defaultValue = "http://127.0.0.1:8083",
      converter = Converters.HttpUrlConverter.class,
      paramLabel = "URL",
      description = "The alerting service's HTTP API (default: ${DEFAULT-VALUE}).")
  String alertingUrl;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to bind (default: ${DEFAULT-VALUE}); any other than loopback needs a token.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      converter = Converters.PortConverter.class,
      paramLabel = "PORT",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Access token of the control actions, at least 16 characters (default: $"
              + TOKEN_ENV
              + ", else one is generated and printed).")
  String token;

  DashboardConfig config() {
    Map<String, String> values = new HashMap<>();
    values.put(DashboardConfig.HOST, host);
    values.put(DashboardConfig.PORT, String.valueOf(port));
    values.put(DashboardConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
    values.put(DashboardConfig.SCHEMA_REGISTRY_URL, cluster.schemaRegistryUrl());
    values.put(DashboardConfig.QUERY_URL, queryUrl);
    values.put(DashboardConfig.ALERTING_URL, alertingUrl);
    String t = token != null ? token : System.getenv(TOKEN_ENV);
    if (t != null) {
      values.put(DashboardConfig.TOKEN, t);
    }
    try {
      return DashboardConfig.fromMap(values);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    DashboardConfig config = config();
    PrintWriter out = spec.commandLine().getOut();
    DashboardServer server;
    try {
      server = DashboardServer.create(config);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "tickwatch-dashboard-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (server) {
      server.start();
      out.println("Dashboard at " + server.url() + "/ reading " + cluster.bootstrapServers());
      if (config.token().isEmpty()) {
        out.println("Access token of the control actions: " + server.token());
      }
      if (server.readsNeedToken()) {
        out.println(
            "Not a loopback address: reads need the access token too (open "
                + server.url()
                + "/?token=<token> once in a browser, or send Authorization: Bearer <token>)");
      }
      out.println("Running until Ctrl-C");
      out.flush();
      stop.await();
    } finally {
      stopped.countDown();
    }
    return 0;
  }
}
