/**
 * InfluxDB export: {@code tickwatch sink influx} copies {@code tickwatch.stats} into InfluxDB.
 *
 * <ul>
 *   <li>{@link io.tickwatch.cli.sink.influx.RollingStatsPoints} maps a {@code RollingStats} record
 *       to an {@link io.tickwatch.cli.sink.influx.InfluxPoint} (tags metric/host/scope/cluster/
 *       window and the series labels; integer and float fields; time = window start).
 *   <li>{@link io.tickwatch.cli.sink.influx.LineProtocol} encodes points as line protocol with
 *       InfluxDB's escaping; NaN and infinite floats are left out.
 *   <li>{@link io.tickwatch.cli.sink.influx.InfluxHttpWriter} posts one body to the 1.x {@code
 *       /write} or 2.x {@code /api/v2/write} endpoint ({@link
 *       io.tickwatch.cli.sink.influx.InfluxTarget}); {@link
 *       io.tickwatch.cli.sink.influx.RetryingLineWriter} retries network errors, 429 and 5xx with
 *       exponential backoff and never retries other 4xx.
 *   <li>{@link io.tickwatch.cli.sink.influx.InfluxSink} is the consumer loop: poll, decode, write,
 *       then commit (at-least-once; re-written points overwrite themselves in InfluxDB).
 * </ul>
 *
 * Tested against a real InfluxDB 1.x ({@code /usr/bin/influxd}) by {@code InfluxSinkIT}.
 */
package io.tickwatch.cli.sink.influx;
