package io.tickwatch.stats.ab;

import java.util.Arrays;

/**
 * Holm's step-down adjustment (Holm 1979) for a family of p-values; controls the family-wise error
 * rate under any dependence. Sorted ascending, {@code p_adj(i) = max over j <= i of min(1, (m - j +
 * 1) p(j))}; equals R's {@code p.adjust(p, "holm")}. Valid for always-valid p-values too.
 */
public final class Holm {

  private Holm() {}

  /**
   * Adjusts {@code pValues} (NaN entries are left NaN and do not count in the family).
   *
   * @return adjusted p-values in the input order
   */
  public static double[] adjust(double[] pValues) {
    int m = 0;
    for (double p : pValues) {
      if (!Double.isNaN(p)) {
        m++;
      }
    }
    Integer[] order = new Integer[m];
    int k = 0;
    for (int i = 0; i < pValues.length; i++) {
      if (!Double.isNaN(pValues[i])) {
        order[k++] = i;
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
    double[] adjusted = new double[pValues.length];
    Arrays.fill(adjusted, Double.NaN);
    double running = 0;
    for (int j = 0; j < m; j++) {
      running = Math.max(running, Math.min(1.0, (m - j) * pValues[order[j]]));
      adjusted[order[j]] = running;
    }
    return adjusted;
  }
}
