package io.tickwatch.stats.anomaly;

/**
 * The original design's composite performance-degradation score: a weighted sum of the CPU, latency
 * and cache-miss trends (weights 0.4 / 0.4 / 0.2, threshold 0.2). The original summed raw
 * per-sample slopes of metrics in different units; here each trend is made unitless first, as the
 * relative change its least-squares line predicts across the window ({@code slope x span /
 * |mean|}), so the weights mean what they say. Positive = worse; {@link Degradation#score()} is 0.5
 * at the threshold (like {@link AnomalyDetector#ALARM}).
 */
public final class DegradationScorer {

  /**
   * @param windowSamples samples in each trend fit
   * @param cpuWeight weight of the CPU trend (original 0.4)
   * @param latencyWeight weight of the latency trend (original 0.4)
   * @param cacheMissWeight weight of the cache-miss trend (original 0.2)
   * @param threshold composite at which the host counts as degrading (original 0.2)
   */
  public record Config(
      int windowSamples,
      double cpuWeight,
      double latencyWeight,
      double cacheMissWeight,
      double threshold) {
    public Config {
      if (windowSamples < 3 || !(threshold > 0)) {
        throw new IllegalArgumentException("need windowSamples >= 3 and threshold > 0");
      }
      if (!(cpuWeight >= 0 && latencyWeight >= 0 && cacheMissWeight >= 0)) {
        throw new IllegalArgumentException("weights must be non-negative");
      }
    }

    /** The original weights and threshold over a 100-sample window. */
    public static Config defaults() {
      return new Config(100, 0.4, 0.4, 0.2, 0.2);
    }
  }

  private final Config config;
  private final LeastSquaresTrend cpu;
  private final LeastSquaresTrend latency;
  private final LeastSquaresTrend cacheMiss;
  private final long[] times;
  private int next;
  private int size;

  public DegradationScorer(Config config) {
    this.config = config;
    this.cpu = new LeastSquaresTrend(config.windowSamples());
    this.latency = new LeastSquaresTrend(config.windowSamples());
    this.cacheMiss = new LeastSquaresTrend(config.windowSamples());
    this.times = new long[config.windowSamples()];
  }

  public DegradationScorer() {
    this(Config.defaults());
  }

  /** Adds one sample of the three metrics and returns the composite view. */
  public Degradation update(
      long timestampMillis, double cpuPercent, double latencyMillis, double cacheMissPercent) {
    cpu.add(timestampMillis, cpuPercent);
    latency.add(timestampMillis, latencyMillis);
    cacheMiss.add(timestampMillis, cacheMissPercent);
    times[next] = timestampMillis;
    next = (next + 1) % times.length;
    size = Math.min(size + 1, times.length);
    long oldest = times[size < times.length ? 0 : next];
    double spanSeconds = (timestampMillis - oldest) / 1000.0;
    double c = relativeTrend(cpu, spanSeconds);
    double l = relativeTrend(latency, spanSeconds);
    double m = relativeTrend(cacheMiss, spanSeconds);
    double composite =
        config.cpuWeight() * c + config.latencyWeight() * l + config.cacheMissWeight() * m;
    double score = composite > 0 ? composite / (composite + config.threshold()) : 0.0;
    return new Degradation(c, l, m, composite, score, composite >= config.threshold());
  }

  private static double relativeTrend(LeastSquaresTrend trend, double spanSeconds) {
    LeastSquaresTrend.Fit fit = trend.fit();
    if (!fit.isValid() || fit.mean() == 0) {
      return 0.0;
    }
    return fit.slopePerSecond() * spanSeconds / Math.abs(fit.mean());
  }
}
