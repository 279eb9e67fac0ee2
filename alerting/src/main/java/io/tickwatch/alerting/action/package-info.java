/**
 * Closed-loop actions: an alert with a high score makes the service profile the affected host and
 * shed part of its load through {@code tickwatch.control}, with dry-run mode, cooldowns, a rate
 * limit, automatic rollback on resolve, and an audit entry on {@code tickwatch.actions} for every
 * decision.
 */
package io.tickwatch.alerting.action;
