/**
 * A bounded loopback load test of the live stream: {@link
 * io.tickwatch.dashboard.bench.SseLoadBenchmark} connects N SSE clients to a dashboard, feeds it
 * synthetic rolling statistics at a fixed rate through its listener (no Kafka) and measures the CPU
 * time of the server's own threads ({@code ThreadMXBean}) against wall time. Used by {@code
 * tickwatch bench dashboard} and by a test; the numbers are in {@code docs/PERFORMANCE.md}.
 */
package io.tickwatch.dashboard.bench;
