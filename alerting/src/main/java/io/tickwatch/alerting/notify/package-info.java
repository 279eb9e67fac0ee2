/**
 * Notification path (Alertmanager's {@code notify} package): the {@link
 * io.tickwatch.alerting.notify.Notifier} interface that every integration (in the sub-packages) and
 * every stage implements, composed as fan-out ({@link io.tickwatch.alerting.notify.ReceiverFanOut},
 * one thread and bounded queue per receiver) → rate limit ({@link
 * io.tickwatch.alerting.notify.RateLimitedNotifier}) → retry ({@link
 * io.tickwatch.alerting.notify.RetryingNotifier}: backoff on 429 honoring Retry-After, 5xx and
 * network errors; none on other 4xx) → integration. Secrets are {@link
 * io.tickwatch.alerting.notify.Secret}s whose {@code toString} is masked.
 */
package io.tickwatch.alerting.notify;
