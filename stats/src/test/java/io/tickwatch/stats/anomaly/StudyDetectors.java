package io.tickwatch.stats.anomaly;

import java.util.List;

/** Development helper (not a test): prototypes for the art-likelihood study runners. */
public final class StudyDetectors {
  private StudyDetectors() {}

  /** ART with the given category cap, other parameters at their defaults. */
  public static ArtDetector art(int capacity) {
    return art(capacity, ArtDetector.Config.defaults().warmupRows());
  }

  /** ART with the given category cap and warm-up rows, other parameters at their defaults. */
  public static ArtDetector art(int capacity, int warmupRows) {
    ArtDetector.Config d = ArtDetector.Config.defaults();
    return new ArtDetector(
        new ArtDetector.Config(
            warmupRows,
            d.step(),
            d.window(),
            d.levels(),
            d.snapBand(),
            d.spikeFraction(),
            d.rangeMargin(),
            d.initialRho(),
            capacity,
            d.alarmConfidence()));
  }

  /**
   * {@code inner}'s score times {@code factor} when the value lies within the range seen at the
   * same UTC time of day (slots of {@code slotMinutes}, one either side) on an earlier day.
   */
  public static AnomalyDetector seasonal(AnomalyDetector inner, int slotMinutes, double factor) {
    SeasonalEnvelope env = new SeasonalEnvelope(slotMinutes, 1);
    return (t, v) -> {
      double s = inner.score(t, v);
      boolean explained = Double.isFinite(v) && env.explainsAndRecord(t, v);
      return explained ? s * factor : s;
    };
  }

  /** The default's damping ({@link SeasonalDampingDetector}): per-day ranges of the last days. */
  public static AnomalyDetector seasonalDays(
      AnomalyDetector inner, int slotMinutes, double factor, int days) {
    return new SeasonalDampingDetector(inner, slotMinutes, days, factor);
  }

  public static AnomalyDetector max(AnomalyDetector a, AnomalyDetector b) {
    return new MaxScoreDetector(List.of(a, b));
  }

  public static AnomalyDetector likelihood() {
    return new LikelihoodDetector();
  }
}
