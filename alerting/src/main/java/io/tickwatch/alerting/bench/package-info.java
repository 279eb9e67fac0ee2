/** Benchmark harnesses of the alerting stage, for {@code ./tickwatch bench}. */
package io.tickwatch.alerting.bench;
