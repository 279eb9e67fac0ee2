package io.tickwatch.stats.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named detector configurations, each fixed (the parameters documented in {@code
 * docs/ANOMALIES.md}); used by {@code tickwatch nab --detector NAME}.
 */
public final class DetectorCatalog {

  private static final Map<String, AnomalyDetectorFactory> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put(
        "threshold",
        StaticThresholds.defaults().factory(StaticThresholds.Metric.CPU_PERCENT, null));
    FACTORIES.put("zscore", RollingZScoreDetector::new);
    FACTORIES.put("median-mad", () -> new MedianMadDetector(500, 30, 5.0));
    FACTORIES.put("holt", () -> new HoltDetector(0.3, 0.01, 0.02, 30, 5.0));
    FACTORIES.put("knn-conformal", () -> new KnnConformalDetector(10, 3, 1500, 1000, 0.005));
    FACTORIES.put("zscore-refractory", () -> refractory(new RollingZScoreDetector()));
    FACTORIES.put("median-mad-refractory", () -> refractory(new MedianMadDetector(500, 30, 5.0)));
    FACTORIES.put("holt-refractory", () -> refractory(new HoltDetector(0.3, 0.01, 0.02, 30, 5.0)));
    FACTORIES.put(
        "knn-conformal-refractory",
        () -> refractory(new KnnConformalDetector(10, 3, 1500, 1000, 0.005)));
    FACTORIES.put("ensemble", EnsembleDetector::new);
    FACTORIES.put("art", ArtDetector::new);
    FACTORIES.put(
        "art-ensemble",
        () -> new MaxScoreDetector(List.of(new ArtDetector(), new EnsembleDetector())));
    FACTORIES.put("likelihood", LikelihoodDetector::new);
    FACTORIES.put(
        "art-likelihood",
        () -> new MaxScoreDetector(List.of(seasonalArt(), new LikelihoodDetector())));
    FACTORIES.put("bocpd", BocpdDetector::new);
    FACTORIES.put("ensemble-cpd", EnsembleCpdDetector::new);
    FACTORIES.put("cusum", CusumDetector::new);
    FACTORIES.put("cad-ose", CadOseDetector::new);
  }

  private DetectorCatalog() {}

  /** Refractory period used by the "-refractory" variants. */
  public static final int REFRACTORY_ROWS = 100;

  /** Time-of-day slot of the default's ART damping, minutes. */
  public static final int SEASONAL_SLOT_MINUTES = 30;

  /** Earlier days whose time-of-day ranges damp the default's ART member. */
  public static final int SEASONAL_DAYS = 7;

  /** Multiplier of a familiar value's ART score (the ensemble's seasonal factor). */
  public static final double SEASONAL_FACTOR = 0.3;

  /**
   * The default's ART member: {@link ArtDetector} damped when the value is familiar at this time of
   * day on one of the last 7 days ({@link SeasonalDampingDetector}).
   */
  static AnomalyDetector seasonalArt() {
    return new SeasonalDampingDetector(
        new ArtDetector(), SEASONAL_SLOT_MINUTES, SEASONAL_DAYS, SEASONAL_FACTOR);
  }

  private static AnomalyDetector refractory(AnomalyDetector inner) {
    return new RefractoryDetector(inner, REFRACTORY_ROWS, 0.0);
  }

  /** All names, in a stable order. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * The recommended detector for NAB-style series: the larger of the ART score (damped when the
   * value is familiar at this time of day) and the likelihood score, the best on held-out
   * categories (docs/ANOMALIES.md, "Choosing the default").
   */
  public static final String DEFAULT_NAME = "art-likelihood";

  /** The name of the recommended detector ({@link #DEFAULT_NAME}). */
  public static String defaultName() {
    return DEFAULT_NAME;
  }

  /**
   * The factory registered under {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static AnomalyDetectorFactory factory(String name) {
    AnomalyDetectorFactory f = FACTORIES.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown detector '" + name + "'; known: " + String.join(", ", names()));
    }
    return f;
  }
}
