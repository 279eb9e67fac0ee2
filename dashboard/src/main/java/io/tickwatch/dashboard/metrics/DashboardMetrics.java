package io.tickwatch.dashboard.metrics;

import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.Severity;
import io.tickwatch.dashboard.feed.FeedStats;
import io.tickwatch.dashboard.sse.EventHub;
import io.tickwatch.dashboard.state.AlertBook;
import io.tickwatch.dashboard.state.LatestPoint;
import io.tickwatch.dashboard.state.SeriesKey;
import io.tickwatch.dashboard.state.SeriesStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Renders {@code /metrics}. Thread-safe. */
public final class DashboardMetrics {

  private final SeriesStore store;
  private final AlertBook alerts;
  private final EventHub hub;
  private final Optional<FeedStats> feed;
  private final InstantSource clock;
  private long rateAtMillis;
  private long rateTotal;
  private double eventsPerSecond;

  public DashboardMetrics(
      SeriesStore store,
      AlertBook alerts,
      EventHub hub,
      Optional<FeedStats> feed,
      InstantSource clock) {
    this.store = store;
    this.alerts = alerts;
    this.hub = hub;
    this.feed = feed;
    this.clock = clock;
  }

  /** The exposition text. */
  public synchronized String render() {
    PrometheusText text = new PrometheusText();
    rolling(text);
    alertCounts(text);
    health(text);
    return text.toString();
  }

  private void rolling(PrometheusText text) {
    List<SeriesKey> keys = new ArrayList<>(store.keys());
    keys.sort(Comparator.comparing(SeriesKey::id));
    Map<SeriesKey, LatestPoint> latest = new LinkedHashMap<>();
    for (SeriesKey key : keys) {
      store.latest(key).ifPresent(p -> latest.put(key, p));
    }
    gauge(
        text,
        latest,
        "tickwatch_rolling_mean",
        "Mean of the newest 1 s window.",
        LatestPoint::mean);
    gauge(
        text,
        latest,
        "tickwatch_rolling_p99",
        "99th percentile of the newest 1 s window.",
        LatestPoint::p99);
    gauge(
        text,
        latest,
        "tickwatch_rolling_max",
        "Maximum of the newest 1 s window.",
        LatestPoint::max);
    gauge(
        text,
        latest,
        "tickwatch_rolling_rate_per_second",
        "Sum per second of the newest 1 s window.",
        LatestPoint::ratePerSecond);
    gauge(
        text,
        latest,
        "tickwatch_rolling_values",
        "Values in the newest 1 s window.",
        p -> p.count());
  }

  private static void gauge(
      PrometheusText text,
      Map<SeriesKey, LatestPoint> latest,
      String name,
      String help,
      ToDoubleFunction<LatestPoint> field) {
    text.family(
        name, "gauge", help + " Labels: host (fleet for all hosts), metric, series labels.");
    for (Map.Entry<SeriesKey, LatestPoint> e : latest.entrySet()) {
      text.sample(name, labels(e.getKey()), field.applyAsDouble(e.getValue()));
    }
  }

  static Map<String, String> labels(SeriesKey key) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("host", key.host());
    labels.put("metric", key.metric());
    String id = key.id();
    int brace = id.indexOf('{', key.host().length() + 1 + key.metric().length());
    labels.put("series_labels", brace < 0 ? "" : id.substring(brace + 1, id.length() - 1));
    return labels;
  }

  private void alertCounts(PrometheusText text) {
    Map<String, Map<String, Integer>> counts = alerts.counts();
    text.family(
        "tickwatch_dashboard_alerts",
        "gauge",
        "Alerts known to the dashboard by state and severity.");
    for (AlertState state : AlertState.values()) {
      for (Severity severity : Severity.values()) {
        int n = counts.getOrDefault(state.name(), Map.of()).getOrDefault(severity.name(), 0);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("state", state.name().toLowerCase(Locale.ROOT));
        labels.put("severity", severity.name().toLowerCase(Locale.ROOT));
        text.sample("tickwatch_dashboard_alerts", labels, n);
      }
    }
  }

  private void health(PrometheusText text) {
    long now = clock.millis();
    text.family("tickwatch_dashboard_sse_clients", "gauge", "Connected server-sent-event clients.")
        .sample("tickwatch_dashboard_sse_clients", Map.of(), hub.clients());
    text.family(
            "tickwatch_dashboard_sse_clients_dropped_total",
            "counter",
            "SSE clients disconnected because they read too slowly.")
        .sample("tickwatch_dashboard_sse_clients_dropped_total", Map.of(), hub.clientsDropped());
    text.family(
            "tickwatch_dashboard_sse_events_total", "counter", "Events published to SSE clients.")
        .sample("tickwatch_dashboard_sse_events_total", Map.of(), hub.eventsPublished());
    text.family("tickwatch_dashboard_series", "gauge", "Series held in memory.")
        .sample("tickwatch_dashboard_series", Map.of(), store.seriesCount());
    text.family(
            "tickwatch_dashboard_series_dropped_records_total",
            "counter",
            "Records dropped because the series limit was reached.")
        .sample(
            "tickwatch_dashboard_series_dropped_records_total", Map.of(), store.droppedRecords());
    if (feed.isEmpty()) {
      return;
    }
    FeedStats f = feed.get();
    long total = f.totalRecords();
    if (rateAtMillis == 0) {
      rateAtMillis = now;
      rateTotal = total;
    } else if (now - rateAtMillis >= 1000) {
      eventsPerSecond = (total - rateTotal) * 1000.0 / (now - rateAtMillis);
      rateAtMillis = now;
      rateTotal = total;
    }
    text.family(
            "tickwatch_dashboard_feed_events_per_second",
            "gauge",
            "Records consumed per second, between the last two scrapes.")
        .sample("tickwatch_dashboard_feed_events_per_second", Map.of(), eventsPerSecond);
    text.family("tickwatch_dashboard_feed_records_total", "counter", "Records consumed per topic.");
    f.records()
        .forEach(
            (topic, n) ->
                text.sample("tickwatch_dashboard_feed_records_total", Map.of("topic", topic), n));
    text.family(
        "tickwatch_dashboard_feed_failures_total",
        "counter",
        "Records that could not be decoded or applied, per topic.");
    f.failures()
        .forEach(
            (topic, n) ->
                text.sample("tickwatch_dashboard_feed_failures_total", Map.of("topic", topic), n));
    text.family(
        "tickwatch_dashboard_feed_lag_seconds",
        "gauge",
        "Wall-clock age of the newest record consumed, per topic.");
    f.newestTimestamps()
        .forEach(
            (topic, t) ->
                text.sample(
                    "tickwatch_dashboard_feed_lag_seconds",
                    Map.of("topic", topic),
                    Math.max(0, now - t) / 1000.0));
  }
}
