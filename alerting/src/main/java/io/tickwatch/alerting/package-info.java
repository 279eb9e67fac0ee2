/**
 * The alerting service: anomalies in, trustworthy alerts, notifications and closed-loop actions
 * out. {@link io.tickwatch.alerting.AlertingService} is the embeddable entry point (create, then
 * start); {@link io.tickwatch.alerting.AlertingConfig} its validated configuration.
 *
 * <p>Pipeline (after Alertmanager): {@code lifecycle} (pending → firing → resolved, flap, ack) →
 * {@code silence} / {@code inhibit} (both {@link io.tickwatch.alerting.model.Muter}s) → {@code
 * dispatch} (routing tree, groups, timers) → {@code notify} (fan-out → rate limit → retry →
 * integration); {@code action} runs the closed loop; {@code service} is the Kafka and HTTP shell.
 * See {@code docs/ALERTING.md}.
 */
package io.tickwatch.alerting;
