/**
 * The Tickwatch dashboard: a web server (Javalin) with a single-page UI, a JSON API, live updates
 * over server-sent events and {@code /metrics}, fed from the Tickwatch topics.
 *
 * <p>Creating and starting are separate: {@link io.tickwatch.dashboard.DashboardServer#create}
 * validates the {@link io.tickwatch.dashboard.DashboardConfig} (a non-loopback bind address needs
 * an explicit access token) and builds everything; {@code start()} binds the port and starts the
 * Kafka feed; {@code close()} stops both. Tests start it on port 0 and talk real HTTP to it.
 */
package io.tickwatch.dashboard;
