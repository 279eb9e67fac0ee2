package io.tickwatch.streams.anomaly.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The detectors a rule can name, with their input roles and parameters (name, default, range).
 * Parameters without a default are required.
 */
public enum DetectorKind {
  /** Fixed limit; score 0.5 at the limit growing to 1 at twice the limit. */
  THRESHOLD(
      "threshold",
      List.of("value"),
      List.of("denominator"),
      List.of(Param.required("limit", -Double.MAX_VALUE, Double.MAX_VALUE))),
  /** The original rolling z-score ({@code RollingZScoreDetector}). */
  ZSCORE(
      "zscore",
      List.of("value"),
      List.of(),
      List.of(
          Param.integer("window", 1000, 2, 100_000),
          Param.integer("minPoints", 30, 2, 100_000),
          Param.of("sigmas", 3.0, 1e-9, 1000))),
  /** The NAB ensemble ({@code EnsembleDetector}, fixed parameters). */
  ENSEMBLE("ensemble", List.of("value"), List.of(), List.of()),
  /** ARTime-style adaptive resonance ({@code ArtDetector}, catalogue parameters). */
  ART("art", List.of("value"), List.of(), List.of()),
  /** The larger of the ART and ensemble scores. */
  ART_ENSEMBLE("art-ensemble", List.of("value"), List.of(), List.of()),
  /**
   * The larger of the ART score (damped when the value is familiar at this time of day) and the
   * likelihood score: the NAB default of the catalogue ({@code DetectorCatalog.DEFAULT_NAME}).
   */
  ART_LIKELIHOOD("art-likelihood", List.of("value"), List.of(), List.of()),
  /** The ensemble's surprise through an anomaly likelihood ({@code LikelihoodDetector}). */
  LIKELIHOOD("likelihood", List.of("value"), List.of(), List.of()),
  /** Rolling median / MAD (fixed parameters of the detector catalogue). */
  MEDIAN_MAD("median-mad", List.of("value"), List.of(), List.of()),
  /** Holt forecast residuals (fixed parameters of the detector catalogue). */
  HOLT("holt", List.of("value"), List.of(), List.of()),
  /** Least-squares trend with a confidence bound ({@code MemoryLeakDetector}). */
  LEAK_TREND(
      "leak-trend",
      List.of("value"),
      List.of(),
      List.of(
          Param.integer("windowSamples", 100, 3, 100_000),
          Param.integer("minSamples", 20, 3, 100_000),
          Param.of("confidence", 0.99, 0.5000001, 0.9999999),
          Param.required("capacity", -Double.MAX_VALUE, Double.MAX_VALUE),
          Param.of("horizonSeconds", 3600, 1, 1e9))),
  /** Composite CPU / latency / cache-miss trend ({@code DegradationScorer}). */
  DEGRADATION(
      "degradation",
      List.of("cpu", "latency"),
      List.of("cacheMiss"),
      List.of(
          Param.integer("windowSamples", 100, 3, 100_000),
          Param.of("cpuWeight", 0.4, 0, 1000),
          Param.of("latencyWeight", 0.4, 0, 1000),
          Param.of("cacheMissWeight", 0.2, 0, 1000),
          Param.of("threshold", 0.2, 1e-9, 1e9)));

  /**
   * One numeric parameter.
   *
   * @param defaultValue the default, or null when the parameter is required
   * @param integral whether only whole numbers are allowed
   */
  public record Param(String name, Double defaultValue, double min, double max, boolean integral) {
    static Param of(String name, double defaultValue, double min, double max) {
      return new Param(name, defaultValue, min, max, false);
    }

    static Param integer(String name, double defaultValue, double min, double max) {
      return new Param(name, defaultValue, min, max, true);
    }

    static Param required(String name, double min, double max) {
      return new Param(name, null, min, max, false);
    }
  }

  private final String jsonName;
  private final List<String> requiredRoles;
  private final List<String> optionalRoles;
  private final Map<String, Param> params = new LinkedHashMap<>();

  DetectorKind(
      String jsonName, List<String> requiredRoles, List<String> optionalRoles, List<Param> ps) {
    this.jsonName = jsonName;
    this.requiredRoles = requiredRoles;
    this.optionalRoles = optionalRoles;
    for (Param p : ps) {
      params.put(p.name(), p);
    }
  }

  /**
   * Whether the detector reports one high score per event and damps the rows after it (a refractory
   * period), so that it never scores high for several windows in a row and a rule on it can only
   * use {@code "for": 1}.
   */
  public boolean alarmsOncePerEvent() {
    return switch (this) {
      case ENSEMBLE, ART, ART_ENSEMBLE, ART_LIKELIHOOD, LIKELIHOOD -> true;
      default -> false;
    };
  }

  /** The name used in rule JSON and in {@code AnomalyEvent.detector}. */
  public String jsonName() {
    return jsonName;
  }

  /** Input roles every rule of this kind must define. */
  public List<String> requiredRoles() {
    return requiredRoles;
  }

  /** Input roles a rule may define. */
  public List<String> optionalRoles() {
    return optionalRoles;
  }

  /** Whether the detector combines several series of a host (joined per host and window). */
  public boolean multiInput() {
    return requiredRoles.size() + optionalRoles.size() > 1;
  }

  /** The parameters, by name. */
  public Map<String, Param> params() {
    return params;
  }

  /** Every role name, required first. */
  public Set<String> roles() {
    Set<String> all = new java.util.LinkedHashSet<>(requiredRoles);
    all.addAll(optionalRoles);
    return all;
  }

  /** The kind with this JSON name, or null. */
  public static DetectorKind byJsonName(String name) {
    for (DetectorKind k : values()) {
      if (k.jsonName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
