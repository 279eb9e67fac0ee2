package io.tickwatch.producer.experiment;

import java.util.List;

/**
 * Deterministic assignment of units to variants, identical in every agent: {@code h =
 * MurmurHash3_x86_32(seed 0, UTF-8(salt + ':' + unitId))} read as an unsigned 32-bit number falls
 * into the variant whose cumulative share interval {@code [round(c_(i-1) * 2^32), round(c_i *
 * 2^32))} contains it, variants in their declared order (the last interval ends at {@code 2^32}).
 * Immutable and thread-safe; {@link #variantIndex} neither allocates nor locks.
 */
public final class VariantAssigner {

  private static final double TWO_TO_32 = 4294967296.0;

  private final String salt;
  private final long[] upperBounds;

  /** An assigner for the variants (in order) of a spec, hashed with {@code salt}. */
  public VariantAssigner(String salt, List<Variant> variants) {
    this.salt = salt;
    this.upperBounds = new long[variants.size()];
    double cumulative = 0;
    for (int i = 0; i < variants.size(); i++) {
      cumulative += variants.get(i).trafficShare();
      upperBounds[i] = i == variants.size() - 1 ? 1L << 32 : Math.round(cumulative * TWO_TO_32);
    }
  }

  /** An assigner for a spec. */
  public static VariantAssigner of(ExperimentSpec spec) {
    return new VariantAssigner(spec.effectiveSalt(), spec.variants());
  }

  /** The unsigned 32-bit assignment hash of a unit, as a long in {@code [0, 2^32)}. */
  public long bucket(CharSequence unitId) {
    return Integer.toUnsignedLong(Murmur3.hash32(0, salt, unitId));
  }

  /** Index (in declared order) of the variant of {@code unitId}. */
  public int variantIndex(CharSequence unitId) {
    return variantIndexOfBucket(bucket(unitId));
  }

  /** Index (in declared order) of the variant whose share interval holds {@code bucket}. */
  public int variantIndexOfBucket(long bucket) {
    for (int i = 0; i < upperBounds.length; i++) {
      if (bucket < upperBounds[i]) {
        return i;
      }
    }
    return upperBounds.length - 1;
  }
}
