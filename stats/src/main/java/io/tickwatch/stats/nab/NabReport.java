package io.tickwatch.stats.nab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats {@link NabResult}s as plain-text lines for a terminal (the caller prints them). */
public final class NabReport {

  private NabReport() {}

  /** Per-profile scores, then per-category standard scores, of one detector. */
  public static List<String> lines(NabResult result) {
    List<String> lines = new ArrayList<>();
    lines.add("detector " + result.detector());
    for (NabResult.ProfileScore p : result.profiles()) {
      ThresholdScore b = p.best();
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-20s %6.1f  (threshold %.4f, raw %.2f, windows detected %d/%d, FP %d)",
              p.profile().name(),
              p.normalizedScore(),
              b.threshold(),
              b.rawScore(),
              b.detectedWindows(),
              b.windows(),
              b.falsePositives()));
    }
    lines.add("  standard score per category (at the corpus-wide standard threshold):");
    for (NabResult.CategoryScore c : result.categories()) {
      ThresholdScore t = c.atThreshold();
      String score = score(c.normalizedScore());
      lines.add(
          String.format(
              Locale.ROOT,
              "    %-24s %s  (%d series, raw %.2f, windows detected %d/%d, FP %d)",
              c.category(),
              score,
              c.seriesCount(),
              t.rawScore(),
              t.detectedWindows(),
              t.windows(),
              t.falsePositives()));
    }
    return lines;
  }

  /** The leave-one-category-out folds and pooled score of one detector. */
  public static List<String> holdoutLines(CategoryHoldout.Result result) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "  leave-one-category-out, standard profile (each category scored at the threshold"
            + " chosen on the others):");
    for (CategoryHoldout.Fold f : result.folds()) {
      ThresholdScore t = f.heldOutResult();
      String score = score(f.heldOutScore());
      lines.add(
          String.format(
              Locale.ROOT,
              "    %-24s %s  (threshold %.4f, raw %.2f, windows detected %d/%d, FP %d)",
              f.heldOut(),
              score,
              f.threshold(),
              t.rawScore(),
              t.detectedWindows(),
              t.windows(),
              t.falsePositives()));
    }
    lines.add(String.format(Locale.ROOT, "    %-24s %6.1f", "pooled", result.pooledScore()));
    return lines;
  }

  /** A normalised score in a 6-wide column, {@code n/a} where a category has no windows. */
  private static String score(double normalized) {
    return Double.isNaN(normalized) ? "   n/a" : String.format(Locale.ROOT, "%6.1f", normalized);
  }
}
