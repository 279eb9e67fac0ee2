package io.tickwatch.stats.anomaly;

/**
 * The composite performance-degradation view after a sample.
 *
 * @param cpuTrend relative change of CPU over the window (slope x window span / |mean|)
 * @param latencyTrend relative change of latency over the window
 * @param cacheMissTrend relative change of the cache-miss rate over the window
 * @param composite weighted sum of the trends (positive = getting worse)
 * @param score {@code composite / (composite + threshold)} for a positive composite, else 0
 * @param degrading whether the composite reached the threshold
 */
public record Degradation(
    double cpuTrend,
    double latencyTrend,
    double cacheMissTrend,
    double composite,
    double score,
    boolean degrading) {}
