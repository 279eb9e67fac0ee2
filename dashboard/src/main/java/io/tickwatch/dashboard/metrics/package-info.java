/**
 * {@code /metrics} in the Prometheus text exposition format 0.0.4: {@link
 * io.tickwatch.dashboard.metrics.PrometheusText} writes families with correctly escaped label
 * values and help text; {@link io.tickwatch.dashboard.metrics.DashboardMetrics} renders the newest
 * rolling statistics per host and metric, alert counts by state and severity, and the server's own
 * health (SSE clients, feed lag, events per second).
 */
package io.tickwatch.dashboard.metrics;
