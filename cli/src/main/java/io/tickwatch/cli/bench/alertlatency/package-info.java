/**
 * The alert-latency benchmark behind {@code tickwatch bench alert-latency}: simulated agents inject
 * anomalous samples; the rolling-statistics and anomaly Kafka Streams applications and the alerting
 * service run with a {@link io.tickwatch.cli.bench.alertlatency.Variant}'s settings; a local
 * webhook receiver times each incident's notification ({@link
 * io.tickwatch.cli.bench.alertlatency.AlertLatencyBenchmark}).
 */
package io.tickwatch.cli.bench.alertlatency;
