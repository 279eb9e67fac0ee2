package io.tickwatch.alerting.notify;

/**
 * One integration (Slack, PagerDuty, webhook, Alertmanager, log), and also each stage wrapped
 * around one (retry, rate limit). {@link #deliver(Notification)} makes one attempt (stages may make
 * more) and blocks until it knows the outcome; it never throws except on interruption: failures are
 * results. Implementations are thread-safe; the fan-out calls each receiver from its own thread.
 * {@code toString} never shows a secret.
 */
public interface Notifier {
  /** Receiver name as used in routes. */
  String name();

  /** Delivers the notification; blocks for at most the integration's timeout (times attempts). */
  DeliveryResult deliver(Notification notification) throws InterruptedException;
}
