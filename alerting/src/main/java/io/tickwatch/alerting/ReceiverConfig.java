package io.tickwatch.alerting;

import io.tickwatch.alerting.notify.Secret;
import java.time.Duration;

/**
 * One configured receiver. Secrets stay {@link Secret}s, so printing a config never shows them.
 *
 * @param name receiver name used by routes
 * @param type log, slack, pagerduty, webhook or alertmanager
 * @param url webhook URL (slack, webhook), events URL (pagerduty) or base URL (alertmanager)
 * @param key PagerDuty routing key or webhook HMAC key; empty when unused
 * @param ratePerMinute sustained deliveries per minute
 * @param burst deliveries allowed at once
 * @param maxAttempts attempts per notification (retry stage)
 * @param timeout per-attempt HTTP timeout
 * @param queueCapacity notifications that may wait for this receiver
 */
public record ReceiverConfig(
    String name,
    String type,
    Secret url,
    Secret key,
    int ratePerMinute,
    int burst,
    int maxAttempts,
    Duration timeout,
    int queueCapacity) {}
