/**
 * HTTP clients of the services the dashboard builds on: the streams app's interactive queries
 * ({@link io.tickwatch.dashboard.upstream.HistoryClient}, the last hour of every series) and the
 * alerting service's API ({@link io.tickwatch.dashboard.upstream.AlertingClient}, acknowledgements
 * and silences). Both use {@code java.net.http.HttpClient} with short timeouts; a failing upstream
 * degrades one answer, never the server.
 */
package io.tickwatch.dashboard.upstream;
