package io.tickwatch.stats.anomaly;

/**
 * Damps another detector's score when the value is familiar at this time of day: when it lies
 * within the range seen in the same UTC time-of-day slot (or a neighbouring one) on one of the last
 * {@code days} days ({@link DailyRanges}), the inner score is multiplied by {@code factor}. A new
 * shape at a level the series reached at this time on a recent day is most often the daily pattern
 * recurring with some variation, not an event. The inner detector sees every value (its state is
 * unchanged by the damping).
 *
 * <p>The default's ART member uses it ({@link DetectorCatalog}, "art-likelihood"): 30-min slots, 7
 * days, factor 0.3 (the ensemble's seasonal factor).
 */
public final class SeasonalDampingDetector implements AnomalyDetector {

  private static final long serialVersionUID = 1L;

  private final AnomalyDetector inner;
  private final DailyRanges ranges;
  private final double factor;

  /**
   * @param inner the damped detector
   * @param slotMinutes slot width (divides 1440)
   * @param days earlier days whose ranges explain a value
   * @param factor multiplier of a familiar value's score, in [0, 1]
   */
  public SeasonalDampingDetector(AnomalyDetector inner, int slotMinutes, int days, double factor) {
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("factor must be in [0,1]");
    }
    this.inner = inner;
    this.ranges = new DailyRanges(slotMinutes, days);
    this.factor = factor;
  }

  @Override
  public double score(long timestampMillis, double value) {
    double s = inner.score(timestampMillis, value);
    if (!Double.isFinite(value)) {
      return s;
    }
    return ranges.familiarAndRecord(timestampMillis, value) ? s * factor : s;
  }
}
