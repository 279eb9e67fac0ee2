package io.tickwatch.cli.demo;

import io.tickwatch.alerting.AlertingConfig;
import io.tickwatch.alerting.AlertingService;
import io.tickwatch.cli.demo.incidents.DemoIncidentRules;
import io.tickwatch.cli.options.DurationParser;
import io.tickwatch.cli.stack.DevStack;
import io.tickwatch.cli.stack.PortCheck;
import io.tickwatch.cli.stack.StackOptions;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
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
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo: starts the {@link DevStack}, the rolling-statistics streams app with its
 * interactive queries, the simulated game servers and a flow meter, prints what runs (and what does
 * not run yet), then one progress line every few seconds until the duration has passed or a stop is
 * requested, and finally stops everything in reverse order.
 */
public final class DemoRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);

  /**
   * @param hosts number of simulated game servers
   * @param duration how long to run; {@link Duration#ZERO} means until stopped
   * @param progressInterval time between progress lines
   * @param queryPort port of the streams app's interactive queries
   * @param alertingPort port of the alerting service's HTTP API
   * @param dashboardPort port of the dashboard
   */
  public record Settings(
      int hosts,
      Duration duration,
      Duration progressInterval,
      int queryPort,
      int alertingPort,
      int dashboardPort) {

    /** Default HTTP port of the alerting service. */
    public static final int DEFAULT_ALERTING_PORT = 8083;

    /** Default HTTP port of the dashboard. */
    public static final int DEFAULT_DASHBOARD_PORT = 8080;

    /** Settings with the default interactive-query port 8082 and alerting port 8083. */
    public Settings(int hosts, Duration duration, Duration progressInterval) {
      this(
          hosts,
          duration,
          progressInterval,
          StreamsAppConfig.DEFAULT_QUERY_PORT,
          DEFAULT_ALERTING_PORT,
          DEFAULT_DASHBOARD_PORT);
    }
  }

  private final StackOptions stackOptions;
  private final Settings settings;
  private final Consumer<String> console;
  private final InstantSource clock;
  private String queryUrl = "";
  private String alertingUrl = "";

  public DemoRunner(
      StackOptions stackOptions, Settings settings, Consumer<String> console, InstantSource clock) {
    this.stackOptions = stackOptions;
    this.settings = settings;
    this.console =
        line -> {
          LOG.info(line);
          console.accept(line);
        };
    this.clock = clock;
  }

  /**
   * Runs until the duration has passed or {@code stopRequested} is counted down.
   *
   * @throws io.tickwatch.cli.stack.StackException when the stack cannot start
   */
  public void run(CountDownLatch stopRequested) throws InterruptedException {
    Instant launched = clock.instant();
    console.accept("Starting the Tickwatch dev stack (logs: " + logHint() + ")");
    try (DevStack stack = DevStack.start(stackOptions, line -> console.accept("  + " + line))) {
      startStreamsApp(stack);
      startAnomalyApp(stack);
      startAbApp(stack);
      startAlerting(stack);
      startDashboard(stack);
      DemoGameFleet fleet =
          new DemoGameFleet(stack.bootstrapServers(), stack.schemaRegistryUrl(), settings.hosts());
      SampleFlowMeter meter = new SampleFlowMeter(stack.bootstrapServers(), stack.registryClient());
      stack.adopt("flow meter", meter);
      stack.adopt("simulated game servers", fleet);
      meter.start();
      fleet.start();
      Instant running = clock.instant();
      printSummary(stack);
      reportUntilStopped(stack, fleet, meter, stopRequested, running);
      console.accept(
          totalsLine(
              Duration.between(running, clock.instant()), meter.snapshot(), fleet.counters()));
      console.accept(
          "Stopping: simulated game servers, alerting, anomaly detection, streams app, schema"
              + " registry, Kafka ...");
    }
    console.accept(
        "Stopped cleanly (ran "
            + DurationParser.clock(Duration.between(launched, clock.instant()))
            + " in total)");
  }

  /** Starts the rolling-statistics streams app on the stack; the stack stops it first. */
  private void startStreamsApp(DevStack stack) throws InterruptedException {
    PortCheck.requireFree(
        stackOptions.host(), settings.queryPort(), "interactive queries", "--query-port");
    StreamsApp app =
        RollingStatsApp.create(
            StreamsAppConfig.defaults()
                .withCluster(stack.bootstrapServers(), stack.schemaRegistryUrl())
                .withDataDir(stackOptions.dataDir())
                .withQueryPort(settings.queryPort()),
            RollingStatsConfig.defaults(),
            stack.registryClient());
    stack.adopt("streams app", app);
    app.start();
    boolean running = app.awaitRunning(Duration.ofSeconds(60));
    console.accept(
        "  + Streams app "
            + app.config().applicationId()
            + " (rolling stats 1s/10s/1m/1h -> "
            + Topics.STATS.name()
            + ", "
            + Topics.STATS_LIVE.name()
            + "): "
            + (running ? "RUNNING" : app.state() + " (still starting)")
            + ", state in "
            + app.config().stateDir());
    queryUrl = app.queryUrl();
    console.accept(
        "  + Interactive queries at "
            + queryUrl
            + "/api/v1/series?host=demo-host-1&metric=tick.duration&window=10s (index:"
            + " /api/v1/series/index, health: /health)");
  }

  /** Starts anomaly detection (its own application id) on the rolling statistics. */
  private void startAnomalyApp(DevStack stack) throws InterruptedException {
    AnomalyConfig anomalyConfig = AnomalyConfig.defaults().withRules(DemoIncidentRules.rules());
    StreamsApp app =
        AnomalyApp.create(
            StreamsAppConfig.defaults()
                .withApplicationId(AnomalyStreamsConfig.DEFAULT_APPLICATION_ID)
                .withCluster(stack.bootstrapServers(), stack.schemaRegistryUrl())
                .withDataDir(stackOptions.dataDir())
                .withQueryPort(0),
            anomalyConfig,
            stack.registryClient());
    stack.adopt("anomaly detection", app);
    app.start();
    boolean running = app.awaitRunning(Duration.ofSeconds(60));
    console.accept(
        "  + Anomaly detection "
            + app.config().applicationId()
            + " ("
            + anomalyConfig.rules().size()
            + " rules on the 1 s windows of "
            + Topics.STATS.name()
            + " -> "
            + Topics.ANOMALIES.name()
            + "): "
            + (running ? "RUNNING" : app.state() + " (still starting)"));
  }

  /** Starts the A/B app (5 s cadence) and creates and starts the demo's experiment. */
  private void startAbApp(DevStack stack) throws InterruptedException {
    StreamsApp app =
        AbApp.create(
            StreamsAppConfig.defaults()
                .withApplicationId(AbStreamsConfig.DEFAULT_APPLICATION_ID)
                .withCluster(stack.bootstrapServers(), stack.schemaRegistryUrl())
                .withDataDir(stackOptions.dataDir())
                .withQueryPort(0),
            AbConfig.defaults().withCadence(Duration.ofSeconds(5), Duration.ofSeconds(1)),
            stack.registryClient());
    stack.adopt("A/B app", app);
    app.start();
    boolean running = app.awaitRunning(Duration.ofSeconds(60));
    String experiment =
        DemoExperiment.ensureRunning(stack.bootstrapServers(), stack.schemaRegistryUrl());
    console.accept(
        "  + A/B app "
            + app.config().applicationId()
            + " (every 5 s of event time -> "
            + Topics.AB_RESULTS.name()
            + "): "
            + (running ? "RUNNING" : app.state() + " (still starting)")
            + "; "
            + experiment
            + "; see: ./tickwatch experiment show "
            + DemoExperiment.ID);
  }

  /** Starts the alerting service (log receiver, closed loop on) on the anomalies. */
  private void startAlerting(DevStack stack) {
    PortCheck.requireFree(
        stackOptions.host(), settings.alertingPort(), "the alerting service", "--alerting-port");
    AlertingService alerting =
        AlertingService.create(
            AlertingConfig.fromMap(
                Map.of(
                    "bootstrap.servers", stack.bootstrapServers(),
                    "schema.registry.url", stack.schemaRegistryUrl(),
                    "alerting.http.host", stackOptions.host(),
                    "alerting.http.port", String.valueOf(settings.alertingPort()))));
    stack.adopt("alerting", alerting);
    alerting.start();
    alertingUrl = alerting.url();
    console.accept(
        "  + Alerting service at "
            + alertingUrl
            + " (alerts, history, silences, actions; notifications to the log; closed loop:"
            + " profile + shed load on the affected host at score >= 0.9)");
  }

  /** Starts the dashboard on {@code --dashboard-port}; prints its URL and token. */
  private void startDashboard(DevStack stack) {
    int port = settings.dashboardPort();
    PortCheck.requireFree(stackOptions.host(), port, "the dashboard", "--dashboard-port");
    DashboardServer dashboard =
        DashboardServer.create(
            DashboardConfig.fromMap(
                Map.of(
                    DashboardConfig.HOST, stackOptions.host(),
                    DashboardConfig.PORT, String.valueOf(port),
                    DashboardConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers(),
                    DashboardConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                    DashboardConfig.QUERY_URL, queryUrl,
                    DashboardConfig.ALERTING_URL, alertingUrl)));
    stack.adopt("dashboard", dashboard);
    dashboard.start();
    console.accept(
        "  + Dashboard at "
            + dashboard.browserUrl()
            + "  (live charts, alerts, experiments, profiles; control actions need the access"
            + " token "
            + dashboard.token()
            + ")");
  }

  private void printSummary(DevStack stack) {
    console.accept(
        "  + "
            + settings.hosts()
            + " simulated game server(s) demo-host-1.."
            + settings.hosts()
            + " at 60 Hz, each with the Tickwatch agent (1 ms sampler, one batch per 100 ms to "
            + Topics.SAMPLES.name()
            + ")");
    console.accept(
        "Try: curl "
            + stack.schemaRegistryUrl()
            + "/subjects   |   kafka-console-consumer.sh --bootstrap-server "
            + stack.bootstrapServers()
            + " --topic "
            + Topics.SAMPLES.name());
    console.accept(
        "     curl '" + queryUrl + "/api/v1/series?host=demo-host-1&metric=cpu.process.percent'");
    console.accept(
        settings.duration().isZero()
            ? "Running until Ctrl-C"
            : "Running for "
                + DurationParser.clock(settings.duration())
                + " (Ctrl-C stops earlier)");
  }

  private void reportUntilStopped(
      DevStack stack,
      DemoGameFleet fleet,
      SampleFlowMeter meter,
      CountDownLatch stopRequested,
      Instant started)
      throws InterruptedException {
    Instant deadline =
        settings.duration().isZero() ? Instant.MAX : started.plus(settings.duration());
    Instant lastReport = clock.instant();
    SampleFlowMeter.Snapshot last = meter.snapshot();
    while (true) {
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        return;
      }
      Duration untilDeadline = Duration.between(now, deadline);
      boolean lastStretch = untilDeadline.compareTo(settings.progressInterval()) <= 0;
      Duration wait = lastStretch ? untilDeadline : settings.progressInterval();
      if (stopRequested.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS) || lastStretch) {
        return; // the totals line covers the last, shorter stretch
      }
      now = clock.instant();
      SampleFlowMeter.Snapshot current = meter.snapshot();
      double seconds = Math.max(0.001, Duration.between(lastReport, now).toMillis() / 1000.0);
      console.accept(
          progressLine(
              Duration.between(started, now),
              (current.sampleSlots() - last.sampleSlots()) / seconds,
              current,
              fleet.counters(),
              subjectCount(stack)));
      last = current;
      lastReport = now;
    }
  }

  static String progressLine(
      Duration elapsed,
      double samplesPerSecond,
      SampleFlowMeter.Snapshot flow,
      DemoGameFleet.Counters published,
      String subjects) {
    return String.format(
        Locale.ROOT,
        "[demo %s] samples/s=%.0f  batches=%d  hosts=%d  registry subjects=%s  send errors=%d%s",
        DurationParser.clock(elapsed),
        samplesPerSecond,
        flow.batches(),
        flow.distinctHosts(),
        subjects,
        published.sendErrors(),
        flow.undecodable() > 0 ? "  undecodable=" + flow.undecodable() : "");
  }

  static String totalsLine(
      Duration elapsed, SampleFlowMeter.Snapshot flow, DemoGameFleet.Counters published) {
    return String.format(
        Locale.ROOT,
        "[demo %s] total: batches=%d  samples=%d  hosts=%d  sent=%d  acked=%d  send errors=%d",
        DurationParser.clock(elapsed),
        flow.batches(),
        flow.sampleSlots(),
        flow.distinctHosts(),
        published.batchesSent(),
        published.batchesAcked(),
        published.sendErrors());
  }

  private static String subjectCount(DevStack stack) {
    try {
      return String.valueOf(stack.registryClient().getSubjects().size());
    } catch (RuntimeException e) {
      LOG.warn("Registry did not list subjects", e);
      return "?";
    }
  }

  private String logHint() {
    return stackOptions.dataDir().resolve("logs").resolve("tickwatch.log").toString();
  }
}
