package io.tickwatch.stats.ab;

/**
 * Result of {@link SampleRatioCheck#test}.
 *
 * @param chiSquare Pearson's statistic {@code sum((O - E)^2 / E)} with {@code E = total * share}
 * @param degreesOfFreedom number of variants minus one
 * @param pValue upper tail of the chi-square distribution; NaN when there are no units
 */
public record SrmResult(double chiSquare, int degreesOfFreedom, double pValue) {}
