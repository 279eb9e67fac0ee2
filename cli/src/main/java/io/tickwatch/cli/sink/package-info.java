/**
 * {@code tickwatch sink ...}: services that copy Tickwatch topics into other systems. Each sink is
 * a Kafka consumer group that commits its offsets only after the target accepted the data
 * (at-least-once: after a crash a sink may write a record twice, never lose one).
 *
 * <ul>
 *   <li>{@link io.tickwatch.cli.sink.influx} &mdash; {@code tickwatch.stats} into InfluxDB (line
 *       protocol over the HTTP write API, v1 and v2).
 * </ul>
 */
package io.tickwatch.cli.sink;
