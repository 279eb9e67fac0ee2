/**
 * Mergeable quantile sketches with a relative-error guarantee.
 *
 * <p>{@link io.tickwatch.stats.sketch.LogBucketSketch} is a DDSketch-style sketch: a positive value
 * {@code v} is counted in bucket {@code i = ceil(log(v) / log(gamma))} with {@code gamma = (1 +
 * alpha) / (1 - alpha)}; bucket {@code i} covers {@code (gamma^(i-1), gamma^i]}. Every quantile
 * estimate {@code q-hat} of a true quantile {@code q} satisfies {@code |q-hat - q| <= alpha * q}.
 * This is exactly the bucket layout of the Avro record {@code io.tickwatch.avro.QuantileSketch};
 * conversion to and from Avro lives in the modules that depend on Avro, this package has no
 * dependencies.
 *
 * <p>Two sketches with the same {@code alpha} merge by adding counts bucket by bucket, so merging
 * the sketches of two data sets gives the sketch of their union, bit for bit.
 *
 * <p>Footprint: about {@code ln(max/min) / (2 * alpha)} longs, i.e. roughly 800 buckets to cover 1
 * microsecond to 1 hour at 1 % accuracy. Sketches are not thread-safe.
 */
package io.tickwatch.stats.sketch;
