/**
 * {@code tickwatch bench profiler}: what a JFR profiling session costs the simulated game server,
 * at the default 20 ms interval and at 10 ms and 1 ms for comparison (docs/PERFORMANCE.md).
 */
package io.tickwatch.cli.bench.profiler;
