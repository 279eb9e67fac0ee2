package io.tickwatch.dashboard;

import io.javalin.Javalin;
import io.tickwatch.dashboard.control.ControlCommands;
import io.tickwatch.dashboard.control.ControlPublisher;
import io.tickwatch.dashboard.control.KafkaControlPublisher;
import io.tickwatch.dashboard.feed.FeedRouter;
import io.tickwatch.dashboard.feed.FeedStats;
import io.tickwatch.dashboard.feed.KafkaFeed;
import io.tickwatch.dashboard.http.AccessGuard;
import io.tickwatch.dashboard.http.AccessToken;
import io.tickwatch.dashboard.http.ApiContext;
import io.tickwatch.dashboard.http.ReadGuard;
import io.tickwatch.dashboard.http.Routes;
import io.tickwatch.dashboard.metrics.DashboardMetrics;
import io.tickwatch.dashboard.sse.EventHub;
import io.tickwatch.dashboard.state.AlertBook;
import io.tickwatch.dashboard.state.ExperimentBook;
import io.tickwatch.dashboard.state.OverviewAssembler;
import io.tickwatch.dashboard.state.ProfileBook;
import io.tickwatch.dashboard.state.SeriesStore;
import io.tickwatch.dashboard.upstream.AlertingClient;
import io.tickwatch.dashboard.upstream.HealthProbe;
import io.tickwatch.dashboard.upstream.HistoryClient;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: HTTP server, state, SSE hub and Kafka feed.
 *
 * <pre>{@code
 * try (DashboardServer dashboard = DashboardServer.create(config)) {
 *   dashboard.start();
 *   log.info("dashboard at {} (token {})", dashboard.url(), dashboard.token());
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #start} once, {@link #close} is idempotent.
 */
public final class DashboardServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration PROBE_CACHE = Duration.ofSeconds(5);

  /** Health-check value of an optional upstream that is not configured (not a problem). */
  public static final String NOT_CONFIGURED = "not configured";

  private final DashboardConfig config;
  private final String token;
  private final Javalin app;
  private final EventHub hub;
  private final Optional<KafkaFeed> feed;
  private final Optional<ControlPublisher> control;
  private final SeriesStore store;
  private final FeedRouter.FeedListener listener;
  private boolean started;
  private boolean closed;

  private DashboardServer(
      DashboardConfig config,
      String token,
      Javalin app,
      EventHub hub,
      Optional<KafkaFeed> feed,
      Optional<ControlPublisher> control,
      SeriesStore store,
      FeedRouter.FeedListener listener) {
    this.config = config;
    this.token = token;
    this.app = app;
    this.hub = hub;
    this.feed = feed;
    this.control = control;
    this.store = store;
    this.listener = listener;
  }

  /**
   * Builds the server without binding or connecting anything.
   *
   * @throws IllegalArgumentException when the bind address is not loopback and no token is set
   */
  public static DashboardServer create(DashboardConfig config) {
    return create(config, InstantSource.system(), null);
  }

  /**
   * Builds the server with a clock and, optionally, a schema registry client (tests).
   *
   * @param registry null: a REST client of {@code schema.registry.url}
   */
  public static DashboardServer create(
      DashboardConfig config, InstantSource clock, SchemaRegistryClient registry) {
    if (!config.loopback() && config.token().isEmpty()) {
      throw new IllegalArgumentException(
          "refusing to bind the dashboard to "
              + config.host()
              + " (not a loopback address) without an access token: set "
              + DashboardConfig.TOKEN
              + " (at least 16 characters), or bind 127.0.0.1");
    }
    String token = config.token().orElseGet(DashboardServer::generateToken);
    AccessToken accessToken = new AccessToken(token);
    SeriesStore store = new SeriesStore(config.maxSeries());
    AlertBook alerts = new AlertBook(5000);
    ExperimentBook experiments = new ExperimentBook(2000);
    ProfileBook profiles = new ProfileBook(50, 64L * 1024 * 1024);
    EventHub hub =
        new EventHub(
            config.sseFlushInterval(),
            config.sseHeartbeatInterval(),
            config.sseQueueBatches(),
            config.sseMaxClients());
    StateUpdater updater = new StateUpdater(store, alerts, experiments, profiles, hub);
    Optional<KafkaFeed> feed = Optional.empty();
    Optional<ControlPublisher> control = Optional.empty();
    if (config.bootstrapServers().isPresent()) {
      SchemaRegistryClient client =
          registry != null ? registry : new RestSchemaRegistryClient(config.schemaRegistryUrl());
      FeedRouter router = new FeedRouter(client, updater, clock);
      feed =
          Optional.of(
              new KafkaFeed(
                  config.bootstrapServers().get(),
                  router.subscriptions(config.statsLookback(), true),
                  clock));
      control = Optional.of(new KafkaControlPublisher(config.bootstrapServers().get(), client));
    }
    Optional<FeedStats> feedStats = feed.map(KafkaFeed::stats);
    Optional<HealthProbe> history =
        config.queryServerUrl().map(u -> new HealthProbe(u, PROBE_TIMEOUT, PROBE_CACHE, clock));
    Optional<HealthProbe> alerting =
        config.alertingUrl().map(u -> new HealthProbe(u, PROBE_TIMEOUT, PROBE_CACHE, clock));
    DashboardMetrics metrics = new DashboardMetrics(store, alerts, hub, feedStats, clock);
    ApiContext api =
        new ApiContext(
            store,
            new OverviewAssembler(store),
            alerts,
            experiments,
            profiles,
            hub,
            config.queryServerUrl().map(u -> new HistoryClient(u, UPSTREAM_TIMEOUT)),
            config.alertingUrl().map(u -> new AlertingClient(u, UPSTREAM_TIMEOUT)),
            control,
            new ControlCommands(clock),
            new AccessGuard(accessToken),
            new ReadGuard(accessToken, config.readsNeedToken()),
            clock,
            metrics::render,
            () -> health(feedStats, history, alerting, clock));
    Javalin app =
        Javalin.create(
            javalin -> {
              javalin.showJavalinBanner = false;
              javalin.startupWatcherEnabled = false;
              javalin.http.asyncTimeout = 0L;
              javalin.jetty.defaultHost = config.host();
              javalin.jetty.defaultPort = config.port();
            });
    Routes.install(app, api);
    return new DashboardServer(config, token, app, hub, feed, control, store, updater);
  }

  private static Map<String, String> health(
      Optional<FeedStats> feed,
      Optional<HealthProbe> history,
      Optional<HealthProbe> alerting,
      InstantSource clock) {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("http", "UP");
    if (feed.isEmpty()) {
      checks.put("feed", "no Kafka cluster configured");
    } else {
      FeedStats f = feed.get();
      long sincePoll = clock.millis() - f.lastPollMillis();
      if (f.lastPollMillis() == 0) {
        checks.put("feed", "not polling yet");
      } else if (sincePoll > 30_000) {
        checks.put("feed", "no poll for " + sincePoll / 1000 + " s");
      } else if (!f.allAssigned()) {
        checks.put("feed", "some topics do not exist yet");
      } else {
        checks.put("feed", "UP");
      }
    }
    checks.put("history", history.map(HealthProbe::status).orElse(NOT_CONFIGURED));
    checks.put("alerting", alerting.map(HealthProbe::status).orElse(NOT_CONFIGURED));
    return checks;
  }

  private static String generateToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Binds the port, starts the SSE hub and the Kafka feed. */
  public synchronized DashboardServer start() {
    if (started) {
      throw new IllegalStateException("dashboard already started");
    }
    started = true;
    hub.start();
    app.start(config.host(), config.port());
    feed.ifPresent(KafkaFeed::start);
    LOG.info("Dashboard on {}", url());
    return this;
  }

  /** The bound port (after {@link #start}). */
  public int port() {
    return app.port();
  }

  /** Base URL, for example {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + port();
  }

  /**
   * The access token of the control actions, and of the reads when {@link #readsNeedToken()}
   * (generated unless configured).
   */
  public String token() {
    return token;
  }

  /**
   * Whether reads (every {@code GET /api/...}, the stream, {@code /metrics}) need the token: true
   * off loopback and with {@code dashboard.read.token=always}.
   */
  public boolean readsNeedToken() {
    return config.readsNeedToken();
  }

  /**
   * The URL to open in a browser: {@link #url()}{@code /}, or, when reads need the token, {@code
   * /?token=<token>}, which logs the browser in and redirects to the page (the token leaves the
   * address bar). Contains the token then: print it only where the token may be shown.
   */
  public String browserUrl() {
    if (!readsNeedToken()) {
      return url() + "/";
    }
    return url() + "/?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /**
   * Where decoded records enter the state and the live stream: the Kafka feed calls it, and so can
   * a benchmark or an embedding application without Kafka. Not thread-safe: one caller at a time.
   */
  public FeedRouter.FeedListener listener() {
    return listener;
  }

  /** Series held in memory (for tests and the CLI's progress line). */
  public int seriesCount() {
    return store.seriesCount();
  }

  /** Stops the feed, disconnects SSE clients and stops the HTTP server; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    feed.ifPresent(KafkaFeed::close);
    hub.close();
    app.stop();
    control.ifPresent(ControlPublisher::close);
  }
}
