package io.tickwatch.alerting.notify.webhook;

import io.tickwatch.alerting.model.AlertJson;
import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.HttpJsonPoster;
import io.tickwatch.alerting.notify.MessageTemplate;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.Secret;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Generic JSON webhook, signed with HMAC-SHA256 ({@link WebhookSignature}). The body follows
 * Alertmanager's webhook shape ({@code version, groupKey, status, receiver, groupLabels,
 * commonLabels, externalURL, alerts}) plus {@code dedupKey} and {@code notificationKey}, which are
 * also sent as headers {@value #DEDUP_HEADER} and {@value #NOTIFICATION_HEADER} so a receiver can
 * drop duplicates of at-least-once delivery.
 */
public final class WebhookNotifier implements Notifier {
  public static final String DEDUP_HEADER = "X-Tickwatch-Dedup-Key";
  public static final String NOTIFICATION_HEADER = "X-Tickwatch-Notification-Key";

  private final String name;
  private final Secret url;
  private final Secret hmacKey;
  private final HttpJsonPoster poster;
  private final InstantSource clock;

  public WebhookNotifier(
      String name, Secret url, Secret hmacKey, HttpJsonPoster poster, InstantSource clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.url = Objects.requireNonNull(url, "url");
    this.hmacKey = Objects.requireNonNull(hmacKey, "hmacKey");
    this.poster = Objects.requireNonNull(poster, "poster");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return name;
  }

  /** The JSON body for a notification sent to {@code receiver}. */
  public static Map<String, Object> payload(Notification n, String receiver) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "4");
    body.put("receiver", receiver);
    body.put("groupKey", n.groupKey());
    body.put("dedupKey", n.dedupKey());
    body.put("notificationKey", n.notificationKey());
    body.put("status", n.status().name().toLowerCase(java.util.Locale.ROOT));
    body.put("acknowledged", n.acknowledged());
    body.put("title", MessageTemplate.title(n));
    body.put("text", MessageTemplate.body(n));
    body.put("groupLabels", n.groupLabels());
    body.put("commonLabels", n.commonLabels());
    body.put("externalURL", n.dashboardUrl());
    body.put("alerts", n.alerts().stream().map(AlertJson::alert).toList());
    return body;
  }

  @Override
  public DeliveryResult deliver(Notification n) throws InterruptedException {
    String body = HttpJsonPoster.toJson(payload(n, name));
    long timestampSeconds = clock.millis() / 1000;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestampSeconds));
    if (!hmacKey.isEmpty()) {
      headers.put(
          WebhookSignature.SIGNATURE_HEADER,
          WebhookSignature.sign(hmacKey.reveal(), timestampSeconds, body));
    }
    headers.put(DEDUP_HEADER, n.dedupKey());
    headers.put(NOTIFICATION_HEADER, n.notificationKey());
    return poster.post(URI.create(url.reveal()), body, headers);
  }

  @Override
  public String toString() {
    return "WebhookNotifier[" + name + ", url=" + url + ", hmacKey=" + hmacKey + "]";
  }
}
