package io.tickwatch.stats.nab;

import java.util.function.IntFunction;

/** Prints a {@link CategoryHoldout} result for the development runners (not a test). */
final class HoldoutReport {
  private HoldoutReport() {}

  static void print(CategoryHoldout.Result result, IntFunction<String> describeConfig) {
    for (CategoryHoldout.Fold f : result.folds()) {
      System.out.printf(
          "held out %-22s train %.1f  config %s  threshold %.4f  held-out %.1f (raw %.2f)%n",
          f.heldOut(),
          f.trainScore(),
          describeConfig.apply(f.config()),
          f.threshold(),
          f.heldOutScore(),
          f.heldOutResult().rawScore());
    }
    System.out.printf("pooled held-out standard score: %.1f%n", result.pooledScore());
  }
}
