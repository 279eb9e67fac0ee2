package io.tickwatch.alerting.notify.log;

import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.MessageTemplate;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.alerting.notify.Notifier;
import io.tickwatch.avro.AlertState;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes notifications to the log (logger {@code io.tickwatch.alerting.notifications}). */
public final class LogNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger("io.tickwatch.alerting.notifications");

  private final String name;

  public LogNotifier(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DeliveryResult deliver(Notification n) {
    String text = MessageTemplate.title(n) + "\n" + MessageTemplate.body(n);
    if (n.status() == AlertState.FIRING && !n.acknowledged()) {
      LOG.warn("[{}] {}", n.dedupKey(), text);
    } else {
      LOG.info("[{}] {}", n.dedupKey(), text);
    }
    return new DeliveryResult(DeliveryResult.Outcome.DELIVERED, 0, null, "logged");
  }

  @Override
  public String toString() {
    return "LogNotifier[" + name + "]";
  }
}
