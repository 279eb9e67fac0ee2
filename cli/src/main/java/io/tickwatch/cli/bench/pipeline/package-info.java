/**
 * The pipeline benchmark behind {@code tickwatch bench pipeline}: simulated agents, the broker and
 * the rolling-statistics topology on one machine, with the broker's raw per-record ceiling from
 * Kafka's own producer performance tool measured in the same run ({@link
 * io.tickwatch.cli.bench.pipeline.PipelineBenchmark}).
 */
package io.tickwatch.cli.bench.pipeline;
