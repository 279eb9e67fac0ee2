package io.tickwatch.stats.ab;

/**
 * One arm of an experiment and its intended share of assignment units (maps to Avro {@code
 * ExperimentVariant}).
 *
 * @param name variant name, unique within the experiment
 * @param trafficShare intended share of units, in {@code (0, 1]}
 */
public record VariantShare(String name, double trafficShare) {

  /** Validates the components. */
  public VariantShare {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("variant name must not be blank");
    }
    if (!(trafficShare > 0 && trafficShare <= 1)) {
      throw new IllegalArgumentException(
          "trafficShare of " + name + " must be in (0, 1], was " + trafficShare);
    }
  }
}
