package io.tickwatch.stats.ab;

/**
 * Descriptive statistics of one variant on one metric (maps 1:1 to Avro {@code VariantSummary}).
 *
 * @param variant variant name
 * @param metric metric name
 * @param n number of observations
 * @param units distinct assignment units observed
 * @param mean mean, in the metric's unit (NaN when {@code n == 0})
 * @param stddev sample standard deviation ({@code n - 1} denominator; NaN when {@code n < 2})
 * @param p50 median, sketch estimate within the sketch's relative accuracy
 * @param p95 95th percentile, sketch estimate
 * @param p99 99th percentile, sketch estimate
 * @param errorCount units of work that failed
 * @param errorRate {@code errorCount / (n + errorCount)}, 0 when both are 0
 */
public record VariantSummary(
    String variant,
    String metric,
    long n,
    long units,
    double mean,
    double stddev,
    double p50,
    double p95,
    double p99,
    long errorCount,
    double errorRate) {}
