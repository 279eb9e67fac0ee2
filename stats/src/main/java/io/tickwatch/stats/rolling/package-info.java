/**
 * Rolling windowed statistics as plain, mergeable Java values, with no Kafka dependency.
 *
 * <ul>
 *   <li>{@link io.tickwatch.stats.rolling.Moments}: count, mean, M2 (Welford), min, max, sum, with
 *       Chan et al.'s parallel merge.
 *   <li>{@link io.tickwatch.stats.rolling.SeriesAggregate}: moments plus log-bucket counts ({@link
 *       io.tickwatch.stats.rolling.BucketCounts}, the bucket layout of {@link
 *       io.tickwatch.stats.sketch.LogBucketSketch}) of one series; produces a {@link
 *       io.tickwatch.stats.rolling.RollingSummary} with percentiles within the sketch's relative
 *       accuracy.
 *   <li>{@link io.tickwatch.stats.rolling.HostAggregate}: every series of one host in one window;
 *       {@link io.tickwatch.stats.rolling.FleetAggregate}: one series merged across hosts.
 *   <li>{@link io.tickwatch.stats.rolling.WindowSlices}: splits a batch's fixed-rate slots at
 *       window boundaries by their event times.
 *   <li>{@link io.tickwatch.stats.rolling.AggregateCodec}: compact binary encoding for state
 *       stores.
 * </ul>
 *
 * <p>Algebra: for every aggregate type, {@code merge(a, b)} equals aggregating the union of {@code
 * a}'s and {@code b}'s inputs: exactly for counts, sums, min, max and buckets, up to floating-point
 * rounding for mean and variance. Nothing here is thread-safe; each instance is owned by one stream
 * task.
 */
package io.tickwatch.stats.rolling;
