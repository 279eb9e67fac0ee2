package io.tickwatch.alerting.notify.pagerduty;

import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.HttpJsonPoster;
import io.tickwatch.alerting.notify.MessageTemplate;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.Secret;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.Severity;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}). One PagerDuty incident per notification
 * group: {@code dedup_key} is the group's stable {@link Notification#dedupKey()}, so trigger,
 * acknowledge and resolve of the group hit the same incident and a re-sent trigger is de-duplicated
 * by PagerDuty. The routing key is a {@link Secret}.
 */
public final class PagerDutyNotifier implements Notifier {
  /** PagerDuty's public Events API v2 endpoint. */
  public static final URI DEFAULT_EVENTS_URL =
      URI.create("https://events.pagerduty.com/v2/enqueue");

  private final String name;
  private final Secret routingKey;
  private final URI eventsUrl;
  private final HttpJsonPoster poster;

  public PagerDutyNotifier(String name, Secret routingKey, URI eventsUrl, HttpJsonPoster poster) {
    this.name = Objects.requireNonNull(name, "name");
    this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
    this.eventsUrl = Objects.requireNonNull(eventsUrl, "eventsUrl");
    this.poster = Objects.requireNonNull(poster, "poster");
  }

  @Override
  public String name() {
    return name;
  }

  /** {@code trigger}, {@code acknowledge} or {@code resolve}. */
  public static String eventAction(Notification n) {
    if (n.status() == AlertState.RESOLVED) {
      return "resolve";
    }
    return n.acknowledged() ? "acknowledge" : "trigger";
  }

  /** The JSON body for a notification (without the routing key when {@code routingKey} is null). */
  public static Map<String, Object> payload(Notification n, String routingKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("routing_key", routingKey);
    String action = eventAction(n);
    body.put("event_action", action);
    body.put("dedup_key", n.dedupKey());
    if (action.equals("trigger")) {
      List<Alert> firing = n.alertsIn(AlertState.FIRING);
      Severity max =
          firing.stream().map(Alert::getSeverity).max(Comparator.naturalOrder()).orElseThrow();
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("summary", truncate(MessageTemplate.title(n), 1024));
      payload.put("source", n.groupLabels().getOrDefault("host", firing.get(0).getHostId()));
      payload.put("severity", max == Severity.WARNING ? "warning" : "critical");
      payload.put(
          "timestamp",
          firing.stream()
              .map(Alert::getStartsAtMillis)
              .min(Comparator.naturalOrder())
              .orElseThrow()
              .toString());
      payload.put("component", n.commonLabels().getOrDefault("metric", ""));
      payload.put("group", n.groupKey());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("firing", MessageTemplate.body(n));
      details.put("num_firing", firing.size());
      payload.put("custom_details", details);
      body.put("payload", payload);
      body.put("client", "Tickwatch");
      body.put("client_url", n.dashboardUrl());
      body.put("links", List.of(Map.of("href", n.dashboardUrl(), "text", "Tickwatch dashboard")));
    }
    return body;
  }

  @Override
  public DeliveryResult deliver(Notification n) throws InterruptedException {
    return poster.post(eventsUrl, HttpJsonPoster.toJson(payload(n, routingKey.reveal())), Map.of());
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  @Override
  public String toString() {
    return "PagerDutyNotifier[" + name + ", url=" + eventsUrl + ", routingKey=" + routingKey + "]";
  }
}
