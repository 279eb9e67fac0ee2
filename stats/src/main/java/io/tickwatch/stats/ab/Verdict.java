package io.tickwatch.stats.ab;

/** Verdict of one comparison or of a whole experiment; same symbols as Avro {@code Verdict}. */
public enum Verdict {
  /** The treatment is significantly better than the control after correction. */
  BETTER,
  /** The treatment is significantly worse than the control after correction. */
  WORSE,
  /** No significant difference (yet). */
  INCONCLUSIVE,
  /** The result cannot be trusted: sample-ratio mismatch, too little data, missing variant. */
  INVALID
}
