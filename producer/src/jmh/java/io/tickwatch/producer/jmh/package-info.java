/**
 * JMH benchmarks of the agent (run them with the {@code jmh} Maven profile, see
 * docs/PERFORMANCE.md): the record call against Micrometer and HdrHistogram, each system collector,
 * and one sampler slot.
 */
package io.tickwatch.producer.jmh;
