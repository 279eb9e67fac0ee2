package io.tickwatch.cli.bench.alertlatency;

import io.tickwatch.alerting.AlertingConfig;
import io.tickwatch.alerting.AlertingService;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.topic.Topics;
import io.tickwatch.streams.anomaly.AnomalyConfig;
import io.tickwatch.streams.anomaly.AnomalyTopology;
import io.tickwatch.streams.app.AnomalyApp;
import io.tickwatch.streams.app.RollingStatsApp;
import io.tickwatch.streams.app.StreamsApp;
import io.tickwatch.streams.app.StreamsAppConfig;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The alert-latency benchmark, one {@link Variant} per {@link #run}: the real path on the cluster
 * it is given, in the catalogue topics ({@code tickwatch.samples} → rolling-statistics app → {@code
 * tickwatch.stats} → anomaly app ({@link AnomalyTopology}) → {@code tickwatch.anomalies} → {@link
 * AlertingService} → signed webhook → local receiver).
 *
 * <p>Simulated agents ({@link SimulatedAgents}) publish every host in real time for the whole run;
 * after a warm-up incident has been notified (the applications are then consuming), one incident
 * per {@code interval} starts on a fresh host ({@link IncidentPlan}); each host's latency is
 * measured from the event time of its first anomalous sample to its firing notification at the
 * receiver, with the stage boundaries read by a {@link PipelineObserver}. Fresh application ids and
 * group ids reading from the end of the topics, so an existing cluster's history is not
 * reprocessed; hosts are named {@code ab-<run>-<variant>-...}. Wall clock on purpose.
 */
public final class AlertLatencyBenchmark {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration WARMUP_ATTEMPT = Duration.ofSeconds(30);
  private static final int WARMUP_HOSTS = 3;

  /**
   * @param incidents measured incidents, one host each
   * @param interval time between incident onsets
   * @param perIncidentTimeout an incident not notified this long after its onset is missed
   */
  public record Settings(int incidents, Duration interval, Duration perIncidentTimeout) {}

  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final SchemaRegistryClient registry;
  private final Path dataDir;
  private final Settings settings;
  private final Consumer<String> console;
  private final InstantSource clock;
  private final String run;

  public AlertLatencyBenchmark(
      String bootstrapServers,
      String schemaRegistryUrl,
      SchemaRegistryClient registry,
      Path dataDir,
      Settings settings,
      Consumer<String> console,
      InstantSource clock) {
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
    this.registry = registry;
    this.dataDir = dataDir;
    this.settings = settings;
    this.console = console;
    this.clock = clock;
    this.run = Long.toString(clock.millis() % 1_000_000, 36);
  }

  /** Runs one variant and returns its incidents' timelines. */
  public LatencySummary run(Variant variant) throws Exception {
    String prefix = "ab-" + run + "-" + variant.name() + "-";
    List<String> hosts = new ArrayList<>();
    for (int w = 0; w < WARMUP_HOSTS; w++) {
      hosts.add(prefix + "warmup-" + w);
    }
    for (int i = 0; i < settings.incidents(); i++) {
      hosts.add(IncidentPlan.hostId(prefix, i));
    }
    console.accept(
        "[" + variant.name() + "] " + variant.describe() + "; " + hosts.size() + " hosts");
    try (NotificationReceiver receiver = new NotificationReceiver(clock);
        PipelineObserver observer =
            new PipelineObserver(
                prefix,
                bootstrapServers,
                Topics.STATS.name(),
                Topics.ANOMALIES.name(),
                registry,
                clock);
        StreamsApp stats = statsApp(variant);
        StreamsApp anomalies = anomalyApp(variant);
        AlertingService alerting = alerting(variant, receiver.url());
        SimulatedAgents agents =
            new SimulatedAgents(hosts, bootstrapServers, Topics.SAMPLES.name(), registry, clock)) {
      stats.start();
      anomalies.start();
      alerting.start();
      if (!stats.awaitRunning(START_TIMEOUT) || !anomalies.awaitRunning(START_TIMEOUT)) {
        throw new IllegalStateException(
            "the streams applications did not reach RUNNING within " + START_TIMEOUT);
      }
      console.accept("  applications running; agents publishing, waiting for the first finals");
      agents.start();
      awaitFinals(observer, agents);
      warmUp(variant, prefix, agents, receiver);
      long first = (clock.millis() / 1000 + 2) * 1000;
      List<Incident> plan =
          IncidentPlan.plan(
              prefix,
              settings.incidents(),
              first,
              settings.interval(),
              variant.anomalyDuration(),
              7);
      plan.forEach(agents::inject);
      console.accept(
          String.format(
              Locale.ROOT,
              "  %d incidents, one every %d ms, each %d ms long ...",
              plan.size(),
              settings.interval().toMillis(),
              variant.anomalyDuration().toMillis()));
      return new LatencySummary(collect(plan, observer, receiver, agents));
    }
  }

  private List<Timeline> collect(
      List<Incident> plan,
      PipelineObserver observer,
      NotificationReceiver receiver,
      SimulatedAgents agents)
      throws InterruptedException {
    long[] notified = new long[plan.size()];
    boolean[] done = new boolean[plan.size()];
    int remaining = plan.size();
    long lastProgress = clock.millis();
    while (remaining > 0) {
      long now = clock.millis();
      checkAgents(agents);
      for (int i = 0; i < plan.size(); i++) {
        if (done[i]) {
          continue;
        }
        Incident incident = plan.get(i);
        notified[i] = receiver.notified(incident.hostId());
        boolean expired = now > incident.onsetMillis() + settings.perIncidentTimeout().toMillis();
        if (notified[i] < 0 && !expired) {
          continue;
        }
        done[i] = true;
        remaining--;
        console.accept(
            notified[i] >= 0
                ? String.format(
                    Locale.ROOT,
                    "  incident %3d/%d %s: notified %5d ms after the first anomalous sample",
                    i + 1,
                    plan.size(),
                    incident.hostId(),
                    notified[i] - incident.onsetMillis())
                : String.format(
                    Locale.ROOT,
                    "  incident %3d/%d %s: NOT notified within %d s (anomaly event %s)",
                    i + 1,
                    plan.size(),
                    incident.hostId(),
                    settings.perIncidentTimeout().toSeconds(),
                    observer.anomaly(incident.hostId()) == null ? "not seen" : "seen"));
        lastProgress = now;
      }
      if (now - lastProgress > 5_000) {
        console.accept(
            String.format(
                Locale.ROOT,
                "  ... %d incidents outstanding, %d final statistics read",
                remaining,
                observer.finalsRead()));
        lastProgress = now;
      }
      Thread.sleep(5);
    }
    // the observer's consumers may trail the alerting service's by a poll: let them catch up
    Thread.sleep(1_000);
    List<Timeline> timelines = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      timelines.add(timeline(plan.get(i), observer, notified[i]));
    }
    return timelines;
  }

  private static Timeline timeline(
      Incident incident, PipelineObserver observer, long notifiedMillis) {
    PipelineObserver.AnomalySeen seen = observer.anomaly(incident.hostId());
    long windowEnd = seen == null ? -1 : seen.eventTimeMillis();
    return new Timeline(
        incident.hostId(),
        incident.onsetMillis(),
        windowEnd,
        windowEnd < 0 ? -1 : observer.statsRead(incident.hostId(), windowEnd),
        seen == null ? -1 : seen.readMillis(),
        notifiedMillis);
  }

  private void awaitFinals(PipelineObserver observer, SimulatedAgents agents)
      throws InterruptedException {
    long deadline = clock.millis() + START_TIMEOUT.toMillis();
    while (observer.finalsRead() == 0) {
      checkAgents(agents);
      if (clock.millis() > deadline) {
        throw new IllegalStateException(
            "no final 1 s statistics within " + START_TIMEOUT + ": is the stats app consuming?");
      }
      Thread.sleep(20);
    }
  }

  /** Injects incidents on the warm-up hosts until one is notified: the whole path is live. */
  private void warmUp(
      Variant variant, String prefix, SimulatedAgents agents, NotificationReceiver receiver)
      throws InterruptedException {
    for (int w = 0; w < WARMUP_HOSTS; w++) {
      String host = prefix + "warmup-" + w;
      long onset = (clock.millis() / 1000 + 1) * 1000 + 100;
      agents.inject(new Incident(host, onset, onset + variant.anomalyDuration().toMillis()));
      console.accept("  warm-up incident on " + host + " ...");
      long deadline = onset + WARMUP_ATTEMPT.toMillis();
      while (clock.millis() < deadline) {
        checkAgents(agents);
        long notified = receiver.notified(host);
        if (notified >= 0) {
          console.accept("  warm-up notified after " + (notified - onset) + " ms");
          return;
        }
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException(
        WARMUP_HOSTS + " warm-up incidents were not notified within " + WARMUP_ATTEMPT + " each");
  }

  private static void checkAgents(SimulatedAgents agents) {
    if (agents.failure() != null) {
      throw new IllegalStateException(
          "the simulated agents failed: " + agents.failure().getMessage(), agents.failure());
    }
  }

  private StreamsAppConfig appConfig(String suffix) {
    return StreamsAppConfig.defaults()
        .withCluster(bootstrapServers, schemaRegistryUrl)
        .withApplicationId("tickwatch-bench-alert-" + run + "-" + suffix)
        .withDataDir(dataDir.resolve(suffix))
        .withQueryPort(0)
        .withKafkaOverrides(Map.of(StreamsConfig.consumerPrefix("auto.offset.reset"), "latest"));
  }

  private StreamsApp statsApp(Variant variant) {
    Map<String, String> keys = variant.statsSettings();
    RollingStatsConfig config = RollingStatsConfig.from(keys::get);
    return RollingStatsApp.create(appConfig(variant.name() + "-stats"), config, registry);
  }

  private StreamsApp anomalyApp(Variant variant) {
    AnomalyConfig config = AnomalyConfig.defaults().withRules(variant.rules());
    StreamsAppConfig app = appConfig(variant.name() + "-anomalies");
    StreamsAppConfig withCommitInterval =
        variant
            .anomalyCommitInterval()
            .map(
                d ->
                    app.withKafkaOverrides(
                        Map.of(
                            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(d.toMillis()))))
            .orElse(app);
    return AnomalyApp.create(withCommitInterval, config, registry);
  }

  private AlertingService alerting(Variant variant, String receiverUrl) {
    Map<String, String> cfg = new HashMap<>();
    cfg.put("bootstrap.servers", bootstrapServers);
    cfg.put("schema.registry.url", schemaRegistryUrl);
    cfg.put("alerting.group.id", "tickwatch-bench-alert-" + run + "-" + variant.name());
    cfg.put("alerting.auto.offset.reset", "latest");
    cfg.put("alerting.http.port", "0");
    // the closed loop would publish control commands to hosts that do not exist
    cfg.put("alerting.actions.enabled", "false");
    cfg.put("alerting.receivers", "bench");
    cfg.put("alerting.receiver.bench.type", "webhook");
    cfg.put("alerting.receiver.bench.url", receiverUrl);
    // one notification per incident, all at once: the receiver's rate limit must not queue them
    cfg.put("alerting.receiver.bench.rate-per-minute", "6000");
    cfg.put("alerting.receiver.bench.burst", "100");
    variant.groupWait().ifPresent(d -> cfg.put("alerting.group-wait", d.toMillis() + "ms"));
    return AlertingService.create(AlertingConfig.fromMap(cfg));
  }
}
