/**
 * Streaming anomaly detectors, one instance per series, behind {@link
 * io.tickwatch.stats.anomaly.AnomalyDetector}: {@code score(timestampMillis, value)} returns a
 * causal anomaly score in [0,1], with {@link io.tickwatch.stats.anomaly.AnomalyDetector#ALARM}
 * (0.5) meaning "anomalous at the configured level".
 *
 * <ul>
 *   <li>{@link io.tickwatch.stats.anomaly.StaticThresholds} / {@link
 *       io.tickwatch.stats.anomaly.StaticThresholdDetector}: the original design's fixed limits
 *       (CPU 80 %, memory 85 %, latency p99 100 ms, frame drops 5 %, cache misses 10 %), per metric
 *       and host group;
 *   <li>{@link io.tickwatch.stats.anomaly.RollingZScoreDetector}: the original rolling 3-sigma
 *       z-score (window 1000, 30 points) — the baseline;
 *   <li>{@link io.tickwatch.stats.anomaly.MedianMadDetector}, {@link
 *       io.tickwatch.stats.anomaly.HoltDetector}, {@link
 *       io.tickwatch.stats.anomaly.KnnConformalDetector}: robust, adaptive and contextual
 *       single-view detectors;
 *   <li>{@link io.tickwatch.stats.anomaly.EnsembleDetector}: the recommended detector (best on NAB,
 *       see {@code docs/ANOMALIES.md});
 *   <li>{@link io.tickwatch.stats.anomaly.ArtDetector}: an ARTime-style detector — windows of the
 *       causally normalised series clustered by a dual-vigilance fuzzy ART memory ({@link
 *       io.tickwatch.stats.anomaly.DualVigilanceArt}); a window no category resonates with is an
 *       anomaly;
 *   <li>{@link io.tickwatch.stats.anomaly.RefractoryDetector}: wraps any detector so an event
 *       alarms once;
 *   <li>{@link io.tickwatch.stats.anomaly.MemoryLeakDetector}: least-squares trend with a
 *       confidence bound, reporting time to exhaustion ({@link
 *       io.tickwatch.stats.anomaly.LeakAssessment});
 *   <li>{@link io.tickwatch.stats.anomaly.DegradationScorer}: the composite CPU / latency /
 *       cache-miss degradation score (0.4 / 0.4 / 0.2).
 * </ul>
 *
 * <p>{@link io.tickwatch.stats.anomaly.DetectorCatalog} names the fixed configurations. Detectors
 * are single-threaded and keep their state in plain primitive fields and arrays (ring buffers,
 * running sums), with no clocks or callbacks, so a Kafka Streams processor can persist them in a
 * state store ({@link io.tickwatch.stats.anomaly.DetectorSnapshots}) and replay gives identical
 * scores.
 */
package io.tickwatch.stats.anomaly;
