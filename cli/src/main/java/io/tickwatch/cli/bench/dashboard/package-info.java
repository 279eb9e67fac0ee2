/**
 * {@code tickwatch bench dashboard}: the live-stream load benchmark of the dashboard (the harness
 * is {@code io.tickwatch.dashboard.bench.SseLoadBenchmark}); numbers in {@code
 * docs/PERFORMANCE.md}.
 */
package io.tickwatch.cli.bench.dashboard;
