/**
 * The HTTP surface of the dashboard (Javalin): security headers on every response, access control
 * of the control actions, the static single-page UI and uPlot webjar, the JSON API, the SSE stream,
 * {@code /health} and {@code /metrics}. The API contract is in {@code docs/DASHBOARD.md}.
 *
 * <p>Read-only endpoints are open on loopback; off loopback (or with {@code
 * dashboard.read.token=always}) {@link io.tickwatch.dashboard.http.ReadGuard} wants the token as
 * {@code Authorization: Bearer} or the HttpOnly session cookie a browser gets once from {@code
 * /?token=} or {@code POST /api/v1/session}; {@code /health}, the page and its assets stay open.
 * Every POST needs the access token as {@code Authorization: Bearer}, {@code Content-Type:
 * application/json} and, when the browser sends an {@code Origin}, the server's own origin (401 /
 * 403 / 415 otherwise). Errors are {@code {"error": "..."}}.
 */
package io.tickwatch.dashboard.http;
