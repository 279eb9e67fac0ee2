/**
 * Significance tests for A/B experiments on performance metrics, as plain Java with no Kafka
 * imports.
 *
 * <p>Input: an {@link io.tickwatch.stats.ab.ExperimentSpec} (variants with traffic shares, control,
 * metrics, direction, alpha) and one {@link io.tickwatch.stats.ab.ArmData} per variant and metric
 * (moments, a {@link io.tickwatch.stats.sketch.LogBucketSketch}, error and unit counts). {@link
 * io.tickwatch.stats.ab.AbAnalyzer#analyze} returns an immutable {@link
 * io.tickwatch.stats.ab.AbAnalysis} whose records map one to one onto the Avro {@code AbResult}
 * ({@link io.tickwatch.stats.ab.VariantSummary}, {@link io.tickwatch.stats.ab.MetricComparison},
 * {@link io.tickwatch.stats.ab.QuantileDifference}, {@link io.tickwatch.stats.ab.Verdict}).
 *
 * <p>Decision rule: under continuous monitoring only an always-valid test may decide, so the
 * verdict of a comparison comes from the mixture sequential probability ratio test (mSPRT, Johari
 * et al., "Always Valid Inference") after Holm's correction across all comparisons; a sample-ratio
 * mismatch (chi-square p below the threshold) makes the whole result INVALID. Welch, Mann-Whitney
 * and the quantile intervals are reported for insight. The caller carries the always-valid p-values
 * from one evaluation to the next ({@link io.tickwatch.stats.ab.AbAnalysis#sequentialPValues()}).
 *
 * <p>The building blocks are public for reuse and testing: {@link io.tickwatch.stats.ab.Welch},
 * {@link io.tickwatch.stats.ab.MannWhitney} (raw values or sketch buckets, with an error bound),
 * {@link io.tickwatch.stats.ab.QuantileIntervals}, {@link io.tickwatch.stats.ab.MixtureSprt},
 * {@link io.tickwatch.stats.ab.SampleRatioCheck}, {@link io.tickwatch.stats.ab.EffectSize} and
 * {@link io.tickwatch.stats.ab.Holm}. Formulas, assumptions, approximation errors and the
 * validation numbers are in {@code docs/STATISTICS.md}; {@link io.tickwatch.stats.ab.sim} holds the
 * simulation that produced them.
 *
 * <p>Everything here is immutable or stateless and thread-safe, except that {@link
 * io.tickwatch.stats.ab.ArmData} shares (does not copy) its sketch.
 */
package io.tickwatch.stats.ab;
