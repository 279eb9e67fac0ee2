package io.tickwatch.alerting.service;

import io.tickwatch.alerting.ReceiverConfig;
import io.tickwatch.alerting.notify.HttpJsonPoster;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.alerting.notify.RateLimitedNotifier;
import io.tickwatch.alerting.notify.RetryingNotifier;
import io.tickwatch.alerting.notify.Sleeper;
import io.tickwatch.alerting.notify.alertmanager.AlertmanagerNotifier;
import io.tickwatch.alerting.notify.log.LogNotifier;
import io.tickwatch.alerting.notify.pagerduty.PagerDutyNotifier;
import io.tickwatch.alerting.notify.slack.SlackNotifier;
import io.tickwatch.alerting.notify.webhook.WebhookNotifier;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Builds each receiver's stage stack: rate limit → retry → integration. */
public final class Receivers {
  private Receivers() {}

  public static List<Notifier> build(
      List<ReceiverConfig> configs, InstantSource clock, Sleeper sleeper) {
    List<Notifier> out = new ArrayList<>();
    for (ReceiverConfig c : configs) {
      HttpJsonPoster poster = new HttpJsonPoster(c.timeout(), clock);
      Notifier integration =
          switch (c.type()) {
            case "log" -> new LogNotifier(c.name());
            case "slack" -> new SlackNotifier(c.name(), c.url(), poster);
            case "pagerduty" ->
                new PagerDutyNotifier(c.name(), c.key(), URI.create(c.url().reveal()), poster);
            case "webhook" -> new WebhookNotifier(c.name(), c.url(), c.key(), poster, clock);
            case "alertmanager" ->
                new AlertmanagerNotifier(c.name(), URI.create(c.url().reveal()), poster);
            default -> throw new IllegalArgumentException("unknown receiver type " + c.type());
          };
      Notifier retrying =
          new RetryingNotifier(
              integration,
              c.maxAttempts(),
              Duration.ofMillis(500),
              Duration.ofSeconds(30),
              sleeper);
      out.add(new RateLimitedNotifier(retrying, c.ratePerMinute(), c.burst(), clock, sleeper));
    }
    return out;
  }
}
