package io.tickwatch.alerting;

import io.tickwatch.alerting.dispatch.Dispatcher;
import io.tickwatch.alerting.dispatch.Route;
import io.tickwatch.alerting.inhibit.Inhibitor;
import io.tickwatch.alerting.lifecycle.AlertEngine;
import io.tickwatch.alerting.model.LabelMatcher;
import io.tickwatch.alerting.model.Muter;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.ReceiverFanOut;
import io.tickwatch.alerting.notify.Sleeper;
import io.tickwatch.alerting.pipeline.AlertPipeline;
import io.tickwatch.alerting.service.AlertingHttpApi;
import io.tickwatch.alerting.service.AlertingRuntime;
import io.tickwatch.alerting.service.Receivers;
import io.tickwatch.alerting.silence.Silencer;
import io.tickwatch.avro.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The embeddable alerting service: consumes {@code tickwatch.anomalies}, runs the lifecycle,
 * grouping, silences, inhibition and notification, keeps the alert set in {@code tickwatch.alerts}
 * and the history in {@code tickwatch.alert-history}, and serves the HTTP API.
 *
 * <pre>{@code
 * AlertingConfig config = AlertingConfig.from(key -> props.getProperty(key));
 * try (AlertingService service = AlertingService.create(config)) {  // binds the HTTP port
 *   service.start();                                                // restores state, runs
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #create} builds everything and binds the HTTP port but reads nothing; {@link #start()}
 * restores the alert set from Kafka (blocking until done), then starts the loop thread and the HTTP
 * server. {@link #close()} stops both and is idempotent. Thread-safe.
 */
public final class AlertingService implements AutoCloseable {
  private final AlertingConfig config;
  private final AlertingRuntime runtime;
  private final AlertingHttpApi api;
  private boolean started;
  private boolean closed;

  private AlertingService(AlertingConfig config, AlertingRuntime runtime, AlertingHttpApi api) {
    this.config = config;
    this.runtime = runtime;
    this.api = api;
  }

  /** Creates the service on the system clock. */
  public static AlertingService create(AlertingConfig config) {
    return create(config, InstantSource.system(), Sleeper.SYSTEM, n -> {});
  }

  /**
   * Creates the service.
   *
   * @param clock the lifecycle and group timers' clock
   * @param sleeper how retry and rate-limit stages wait
   * @param onNotification called on the service loop for every notification sent (for example by
   *     closed-loop actions); must not block
   */
  public static AlertingService create(
      AlertingConfig config,
      InstantSource clock,
      Sleeper sleeper,
      Consumer<Notification> onNotification) {
    Objects.requireNonNull(config, "config");
    Silencer silencer = new Silencer();
    Muter inhibitor =
        config.inhibitSameHost() ? Inhibitor.sameHost() : (alert, current, now) -> List.of();
    ReceiverFanOut fanOut =
        new ReceiverFanOut(
            Receivers.build(config.receivers(), clock, sleeper),
            name ->
                config.receivers().stream()
                    .filter(r -> r.name().equals(name))
                    .mapToInt(ReceiverConfig::queueCapacity)
                    .findFirst()
                    .orElse(100));
    Route root =
        Route.root(
            config.routeReceivers(),
            config.groupBy(),
            config.groupWait(),
            config.groupInterval(),
            config.repeatInterval());
    List<Route> children = new java.util.ArrayList<>(config.extraRoutes());
    children.add(
        root.child(
            "critical",
            List.of(LabelMatcher.regex("severity", "critical|emergency")),
            config.criticalRouteReceivers()));
    root = root.withChildren(children);
    Dispatcher dispatcher = new Dispatcher(root, clock, config.dashboardUrl());
    AlertingRuntime runtime =
        AlertingRuntime.create(
            config,
            clock,
            silencer,
            listener ->
                new AlertEngine(
                    config.lifecycle(),
                    clock,
                    silencer,
                    inhibitor,
                    listener,
                    config.dashboardUrl()),
            engine -> new AlertPipeline(engine, dispatcher, fanOut::send, onNotification),
            fanOut);
    try {
      AlertingHttpApi api =
          new AlertingHttpApi(
              config.httpHost(), config.httpPort(), runtime, clock, origin(config.dashboardUrl()));
      return new AlertingService(config, runtime, api);
    } catch (IOException e) {
      runtime.close();
      throw new UncheckedIOException(
          "cannot bind the alerting HTTP API to " + config.httpHost() + ":" + config.httpPort(), e);
    }
  }

  /** Scheme, host and port of a URL: the browser origin of the dashboard. */
  private static String origin(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** Restores the alert set from Kafka, then starts consuming and serving HTTP. */
  public synchronized AlertingService start() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (!started) {
      runtime.start();
      api.start();
      started = true;
    }
    return this;
  }

  /** The HTTP API's port (the bound one when configured with 0). */
  public int httpPort() {
    return api.port();
  }

  /** Base URL of the HTTP API, for example {@code http://127.0.0.1:8083}. */
  public String url() {
    return "http://" + config.httpHost() + ":" + httpPort();
  }

  /** The current alert set (a snapshot taken after the loop's latest tick). */
  public List<Alert> alerts() {
    return runtime.alerts();
  }

  public AlertingConfig config() {
    return config;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    api.close();
    runtime.close();
  }
}
