package io.tickwatch.stats.ab;

/**
 * Identifies one comparison (treatment against the control on one metric) across evaluations; the
 * key of the always-valid sequential p-values the caller carries from one look to the next.
 *
 * @param metric metric name, as in {@link ExperimentSpec#metrics()}
 * @param treatmentVariant the variant compared with the control
 */
public record ComparisonKey(String metric, String treatmentVariant) {}
