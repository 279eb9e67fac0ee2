/**
 * Monte-Carlo simulation of A/B experiments under continuous monitoring, used by the validation
 * tests and for the numbers in {@code docs/STATISTICS.md}: false-positive rate of the always-valid
 * mSPRT against naive repeated Welch tests in A/A experiments, power in A/B experiments, and the
 * sample-ratio check's alarm rates. Deterministic for a given seed; no output, no threads.
 */
package io.tickwatch.stats.ab.sim;
