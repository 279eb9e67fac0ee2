/**
 * Our own implementation of the Numenta Anomaly Benchmark (NAB) scoring, after Lavin &amp; Ahmad
 * (2015) and NAB v1.1's published sweeper.
 *
 * <p>A detector emits an anomaly score in [0,1] per row. For a threshold {@code t}, rows whose
 * score is {@code >= t} are detections. Each labelled window contributes once: the earliest
 * detection inside it earns {@code A_TP * sigma(p) / sigma(-1)}, where {@code sigma(p) = 2 / (1 +
 * e^(5p)) - 1} is the scaled sigmoid and {@code p = -(right - i + 1) / width} the relative position
 * (so a detection on the window's first row earns exactly {@code A_TP}); a window without a
 * detection costs {@code -A_FN}. Every detection outside a window costs {@code A_FP *
 * sigma(|prevRight - i| / (prevWidth - 1))} (negative), or {@code -A_FP} when no window precedes
 * it; positions of 3 or more count as -1. The first {@code min(floor(0.15 n), 750)} rows of each
 * series (the probationary period) are not scored at all.
 *
 * <p>The threshold is optimised per profile over the whole corpus by sweeping every distinct score
 * ({@link io.tickwatch.stats.nab.NabScorer#optimise}), then the raw score is normalised so that the
 * null detector (no detection) scores 0 and the perfect detector (a detection on the first row of
 * every window, nothing else) scores 100.
 *
 * <p>{@link io.tickwatch.stats.nab.NabBenchmark} runs a detector causally over a corpus, writes the
 * per-series results in NAB's layout and scores them. Nothing here prints; progress goes to a
 * caller-supplied listener.
 */
package io.tickwatch.stats.nab;
