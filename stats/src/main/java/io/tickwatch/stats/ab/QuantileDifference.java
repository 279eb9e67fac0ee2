package io.tickwatch.stats.ab;

/**
 * Difference of one quantile between treatment and control with its confidence interval (maps to
 * Avro {@code QuantileDifference}). NaN components mean "not computable yet".
 *
 * @param quantile the quantile, for example 0.95
 * @param difference treatment quantile minus control quantile, in the metric's unit
 * @param ciLow lower bound of the confidence interval of the difference
 * @param ciHigh upper bound of the confidence interval of the difference
 */
public record QuantileDifference(double quantile, double difference, double ciLow, double ciHigh) {}
