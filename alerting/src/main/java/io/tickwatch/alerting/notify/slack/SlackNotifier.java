package io.tickwatch.alerting.notify.slack;

import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.HttpJsonPoster;
import io.tickwatch.alerting.notify.MessageTemplate;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.Secret;
import io.tickwatch.avro.AlertState;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Slack-compatible incoming webhook (also Mattermost, Rocket.Chat): {@code {"text": title,
 * "attachments": [{"color", "title", "title_link", "text"}]}}. The webhook URL carries the token,
 * so it is a {@link Secret}.
 */
public final class SlackNotifier implements Notifier {
  private final String name;
  private final Secret webhookUrl;
  private final HttpJsonPoster poster;

  public SlackNotifier(String name, Secret webhookUrl, HttpJsonPoster poster) {
    this.name = Objects.requireNonNull(name, "name");
    this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
    this.poster = Objects.requireNonNull(poster, "poster");
  }

  @Override
  public String name() {
    return name;
  }

  /** The JSON body for a notification. */
  public static Map<String, Object> payload(Notification n) {
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put(
        "color",
        n.status() == AlertState.RESOLVED ? "good" : n.acknowledged() ? "warning" : "danger");
    attachment.put("title", MessageTemplate.title(n));
    attachment.put("title_link", n.dashboardUrl());
    attachment.put("text", MessageTemplate.body(n));
    attachment.put("fallback", MessageTemplate.title(n));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", MessageTemplate.title(n));
    body.put("attachments", List.of(attachment));
    return body;
  }

  @Override
  public DeliveryResult deliver(Notification n) throws InterruptedException {
    return poster.post(
        URI.create(webhookUrl.reveal()), HttpJsonPoster.toJson(payload(n)), Map.of());
  }

  @Override
  public String toString() {
    return "SlackNotifier[" + name + ", url=" + webhookUrl + "]";
  }
}
