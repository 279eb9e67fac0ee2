package io.tickwatch.stats.anomaly;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Memory-leak detection from the trend, not from a raw slope threshold: a least-squares line over
 * the last {@code windowSamples} samples; a leak is a slope whose one-sided lower confidence bound
 * ({@code slope - t(confidence, n-2) * stderr}) is above zero; it is reported as the projected time
 * until the trend reaches {@code capacity}.
 *
 * <p>Score: 0 unless leaking; otherwise {@code H / (H + timeToExhaustion)} with {@code H} the alarm
 * horizon, so {@link #ALARM} means "significant growth that exhausts capacity within the horizon".
 * The original design fitted the last 100 values; that is the default window.
 */
public final class MemoryLeakDetector implements AnomalyDetector {

  /**
   * @param windowSamples samples in the fit (original: 100)
   * @param minSamples samples before the first assessment
   * @param confidence one-sided confidence for the slope's lower bound, e.g. 0.99
   * @param capacity the value at which memory is exhausted (e.g. 100 percent)
   * @param alarmHorizonMillis projected exhaustion within this horizon alarms
   */
  public record Config(
      int windowSamples,
      int minSamples,
      double confidence,
      double capacity,
      long alarmHorizonMillis)
      implements java.io.Serializable {
    public Config {
      if (windowSamples < 3 || minSamples < 3 || minSamples > windowSamples) {
        throw new IllegalArgumentException("need 3 <= minSamples <= windowSamples");
      }
      if (!(confidence > 0.5 && confidence < 1) || !Double.isFinite(capacity)) {
        throw new IllegalArgumentException("need 0.5 < confidence < 1 and a finite capacity");
      }
      if (alarmHorizonMillis <= 0) {
        throw new IllegalArgumentException("alarm horizon must be positive");
      }
    }

    /** 100 samples, 99 % confidence, capacity 100 (percent), 1 hour horizon. */
    public static Config defaults() {
      return new Config(100, 20, 0.99, 100.0, 3_600_000L);
    }
  }

  private final Config config;
  private final LeastSquaresTrend trend;
  private int cachedDegreesOfFreedom = -1;
  private double cachedQuantile;
  private LeakAssessment last = LeakAssessment.UNKNOWN;

  public MemoryLeakDetector(Config config) {
    this.config = config;
    this.trend = new LeastSquaresTrend(config.windowSamples());
  }

  public MemoryLeakDetector() {
    this(Config.defaults());
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    trend.add(timestampMillis, value);
    last = assess();
    if (!last.leaking()) {
      return 0.0;
    }
    double horizon = config.alarmHorizonMillis();
    return horizon / (horizon + last.timeToExhaustionMillis());
  }

  /** The assessment after the latest sample. */
  public LeakAssessment assessment() {
    return last;
  }

  private LeakAssessment assess() {
    if (trend.size() < config.minSamples()) {
      return LeakAssessment.UNKNOWN;
    }
    LeastSquaresTrend.Fit fit = trend.fit();
    if (!fit.isValid()) {
      return LeakAssessment.UNKNOWN;
    }
    double lower = fit.slopePerSecond() - quantile(fit.degreesOfFreedom()) * fit.slopeStdErr();
    boolean leaking = lower > 0;
    long tte = Long.MAX_VALUE;
    if (leaking) {
      double remaining = config.capacity() - fit.fittedNow();
      tte =
          remaining <= 0
              ? 0L
              : (long) Math.min(Long.MAX_VALUE / 2.0, remaining / fit.slopePerSecond() * 1000.0);
    }
    return new LeakAssessment(fit.slopePerSecond(), lower, fit.fittedNow(), tte, leaking);
  }

  private double quantile(int degreesOfFreedom) {
    if (degreesOfFreedom != cachedDegreesOfFreedom) {
      cachedQuantile =
          new TDistribution(null, degreesOfFreedom)
              .inverseCumulativeProbability(config.confidence());
      cachedDegreesOfFreedom = degreesOfFreedom;
    }
    return cachedQuantile;
  }
}
