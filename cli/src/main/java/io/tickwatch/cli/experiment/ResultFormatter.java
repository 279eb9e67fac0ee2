package io.tickwatch.cli.experiment;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ExperimentVariant;
import io.tickwatch.avro.MetricComparison;
import io.tickwatch.avro.QuantileDifference;
import io.tickwatch.avro.VariantSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text rendering of experiments and their evaluations for the terminal. */
public final class ResultFormatter {

  private ResultFormatter() {}

  /** One line per experiment: id, status, variants, unit, metrics. */
  public static List<String> list(Iterable<Experiment> experiments) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-24s %-8s %-8s %-36s %s",
            "ID",
            "STATUS",
            "UNIT",
            "VARIANTS",
            "METRICS"));
    for (Experiment e : experiments) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%-24s %-8s %-8s %-36s %s",
              e.getExperimentId(),
              e.getStatus(),
              e.getAssignmentUnit(),
              variants(e),
              String.join(",", e.getMetrics())));
    }
    return lines;
  }

  /** The definition and, when present, the latest evaluation. */
  public static List<String> show(Experiment e, AbResult result) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Experiment " + e.getExperimentId() + (e.getName().isEmpty() ? "" : " — " + e.getName()));
    if (!e.getDescription().isEmpty()) {
      lines.add("  " + e.getDescription());
    }
    lines.add(
        "  status "
            + e.getStatus()
            + ", unit "
            + e.getAssignmentUnit()
            + ", variants "
            + variants(e)
            + ", control "
            + e.getControlVariant()
            + ", metrics "
            + String.join(",", e.getMetrics())
            + (e.getLowerIsBetter() ? " (lower is better)" : " (higher is better)")
            + ", alpha "
            + e.getAlpha());
    if (e.getStartedAtMillis() != null) {
      lines.add(
          "  started "
              + e.getStartedAtMillis()
              + (e.getStoppedAtMillis() != null ? ", stopped " + e.getStoppedAtMillis() : ""));
    }
    if (result == null) {
      lines.add("No evaluation yet (results appear once the A/B app has closed a window of data).");
      return lines;
    }
    long spanMillis =
        result.getEvaluatedAtMillis().toEpochMilli() - result.getDataStartMillis().toEpochMilli();
    lines.add("");
    lines.add(
        "Verdict "
            + result.getVerdict()
            + "  (evaluation #"
            + result.getEvaluationIndex()
            + " at "
            + result.getEvaluatedAtMillis()
            + ", "
            + Duration.ofMillis(spanMillis).toSeconds()
            + " s of data)");
    for (String reason : result.getReasons()) {
      lines.add("  - " + reason);
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "  sample ratio: chi2 = %.3f, p = %.3g",
            result.getSrmChiSquare(),
            result.getSrmPValue()));
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "  %-12s %-12s %10s %8s %12s %12s %12s %12s %9s",
            "VARIANT",
            "METRIC",
            "N",
            "UNITS",
            "MEAN",
            "P50",
            "P95",
            "P99",
            "ERRORS"));
    for (VariantSummary v : result.getVariants()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-12s %-12s %10d %8d %12.2f %12.2f %12.2f %12.2f %8.2f%%",
              v.getVariant(),
              v.getMetric(),
              v.getN(),
              v.getUnits(),
              v.getMean(),
              v.getP50(),
              v.getP95(),
              v.getP99(),
              100 * v.getErrorRate()));
    }
    for (MetricComparison c : result.getComparisons()) {
      lines.add("");
      lines.add(
          "  "
              + c.getTreatmentVariant()
              + " vs "
              + c.getControlVariant()
              + " on "
              + c.getMetric()
              + ": "
              + c.getVerdict());
      lines.add(
          String.format(
              Locale.ROOT,
              "    mean difference %.3f (%+.1f%%), %.0f%% CI [%.3f, %.3f], Hedges' g %.3f",
              c.getMeanDifference(),
              100 * c.getRelativeDifference(),
              100 * result.getConfidenceLevel(),
              c.getDifferenceCiLow(),
              c.getDifferenceCiHigh(),
              c.getEffectSize()));
      lines.add(
          String.format(
              Locale.ROOT,
              "    Welch t = %.3f (df %.1f), p = %.3g; Mann-Whitney z = %.3f, p = %.3g%s",
              c.getWelchT(),
              c.getWelchDegreesOfFreedom(),
              c.getWelchPValue(),
              c.getMannWhitneyZ(),
              c.getMannWhitneyPValue(),
              c.getMannWhitneyOnBins() ? " (binned)" : ""));
      lines.add(
          String.format(
              Locale.ROOT,
              "    sequential (always valid) p = %.3g, Holm-adjusted p = %.3g",
              c.getSequentialPValue(),
              c.getAdjustedPValue()));
      for (QuantileDifference q : c.getQuantileDifferences()) {
        lines.add(
            String.format(
                Locale.ROOT,
                "    p%s difference %.3f, CI [%.3f, %.3f]",
                trim(100 * q.getQuantile()),
                q.getDifference(),
                q.getCiLow(),
                q.getCiHigh()));
      }
    }
    return lines;
  }

  /** One line per evaluation, oldest first: how the verdict converged. */
  public static List<String> history(List<AbResult> results) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "  %5s %-24s %8s %-12s %-30s %12s %12s %12s",
            "EVAL",
            "EVALUATED AT",
            "DATA S",
            "VERDICT",
            "PRIMARY COMPARISON",
            "MSPRT P",
            "HOLM P",
            "WELCH P"));
    for (AbResult r : results) {
      MetricComparison c = r.getComparisons().isEmpty() ? null : r.getComparisons().get(0);
      lines.add(
          String.format(
              Locale.ROOT,
              "  %5d %-24s %8d %-12s %-30s %12.3g %12.3g %12.3g",
              r.getEvaluationIndex(),
              r.getEvaluatedAtMillis(),
              (r.getEvaluatedAtMillis().toEpochMilli() - r.getDataStartMillis().toEpochMilli())
                  / 1000,
              r.getVerdict(),
              c == null
                  ? "-"
                  : c.getTreatmentVariant()
                      + " vs "
                      + c.getControlVariant()
                      + ": "
                      + c.getVerdict(),
              c == null ? Double.NaN : c.getSequentialPValue(),
              c == null ? Double.NaN : c.getAdjustedPValue(),
              c == null ? Double.NaN : c.getWelchPValue()));
    }
    return lines;
  }

  private static String variants(Experiment e) {
    List<String> parts = new ArrayList<>();
    for (ExperimentVariant v : e.getVariants()) {
      parts.add(v.getName() + "=" + trim(v.getTrafficShare()));
    }
    return String.join(",", parts);
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
