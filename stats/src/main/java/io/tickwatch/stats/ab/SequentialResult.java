package io.tickwatch.stats.ab;

/**
 * Result of one look of {@link MixtureSprt}.
 *
 * @param likelihoodRatio mixture likelihood ratio Lambda at this look (may be +Infinity)
 * @param pValue always-valid p-value: {@code min(previous, 1 / Lambda)}, in {@code [0, 1]} (0 when
 *     Lambda overflows)
 * @param looked false when the look was skipped (too little data): the p-value is the previous one
 */
public record SequentialResult(double likelihoodRatio, double pValue, boolean looked) {}
