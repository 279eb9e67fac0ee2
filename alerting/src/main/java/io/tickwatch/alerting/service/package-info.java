/**
 * The Kafka and HTTP shell around the pipeline: one loop thread that restores the alert set from
 * {@code tickwatch.alerts} (and history and actions) on start, then polls {@code
 * tickwatch.anomalies}, ticks the pipeline, flushes state and commits offsets; the JSON HTTP API;
 * and the receivers' stage stacks.
 */
package io.tickwatch.alerting.service;
