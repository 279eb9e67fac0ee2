package io.tickwatch.alerting.notify.alertmanager;

import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.HttpJsonPoster;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Forwards alerts to a Prometheus Alertmanager ({@code POST <base>/api/v2/alerts}, a JSON array of
 * {@code {labels, annotations, startsAt, endsAt, generatorURL}}), so teams that already run one
 * keep their routing there. Firing alerts are sent without {@code endsAt}: Alertmanager resolves
 * them after its {@code resolve_timeout} unless they are re-sent, so a route to this receiver needs
 * a repeat interval below that timeout. Resolved alerts carry their {@code endsAt}.
 */
public final class AlertmanagerNotifier implements Notifier {
  private final String name;
  private final URI alertsUrl;
  private final HttpJsonPoster poster;

  /**
   * @param baseUrl Alertmanager's base URL, for example {@code http://127.0.0.1:9093}
   */
  public AlertmanagerNotifier(String name, URI baseUrl, HttpJsonPoster poster) {
    this.name = Objects.requireNonNull(name, "name");
    String base = baseUrl.toString();
    this.alertsUrl =
        URI.create(
            (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v2/alerts");
    this.poster = Objects.requireNonNull(poster, "poster");
  }

  @Override
  public String name() {
    return name;
  }

  /** The JSON array body for a notification. */
  public static List<Map<String, Object>> payload(Notification n) {
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Alert a : n.alerts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      Map<String, String> labels = new LinkedHashMap<>(a.getLabels());
      labels.put("fingerprint", a.getFingerprint());
      m.put("labels", labels);
      Map<String, String> annotations = new LinkedHashMap<>(a.getAnnotations());
      m.put("annotations", annotations);
      m.put("startsAt", a.getStartsAtMillis().toString());
      if (a.getState() == AlertState.RESOLVED && a.getEndsAtMillis() != null) {
        m.put("endsAt", a.getEndsAtMillis().toString());
      }
      m.put("generatorURL", a.getAnnotations().getOrDefault("dashboardUrl", n.dashboardUrl()));
      alerts.add(m);
    }
    return alerts;
  }

  @Override
  public DeliveryResult deliver(Notification n) throws InterruptedException {
    return poster.post(alertsUrl, HttpJsonPoster.toJson(payload(n)), Map.of());
  }

  @Override
  public String toString() {
    return "AlertmanagerNotifier[" + name + ", url=" + alertsUrl + "]";
  }
}
