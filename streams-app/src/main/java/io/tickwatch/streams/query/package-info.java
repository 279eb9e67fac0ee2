/**
 * Interactive queries over HTTP: {@link io.tickwatch.streams.query.QueryServer} answers {@code GET
 * /api/v1/series}, {@code /api/v1/series/index} and {@code /health} from the rolling-statistics
 * state stores of this instance, forwarding a request to the instance that owns the series when the
 * application runs on several instances.
 *
 * <p>Default address {@code 127.0.0.1:8082} (DESIGN.md fixes 9092, 9093, 8081 and 8080 only). Times
 * accept {@link io.tickwatch.streams.query.TimeExpression} forms; JSON numbers that are NaN (empty
 * windows) are written as {@code null}. The store access itself is behind {@link
 * io.tickwatch.streams.query.LocalSeriesReader} and the routing behind {@link
 * io.tickwatch.streams.query.InstanceDirectory}, so that the HTTP layer is tested without a
 * cluster.
 */
package io.tickwatch.streams.query;
