package io.tickwatch.schemas.registry;

/**
 * Compatibility levels of the Confluent Schema Registry.
 *
 * <p>BACKWARD: consumers using the new schema can read data written with the previous one. FORWARD:
 * consumers using the previous schema can read data written with the new one. FULL: both. The
 * {@code _TRANSITIVE} forms check against every earlier version instead of only the latest. NONE
 * disables the check.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** Tickwatch's default, as in DESIGN.md. */
  public static final CompatibilityLevel DEFAULT = BACKWARD_TRANSITIVE;

  /** Whether only the latest version is checked (as opposed to all versions). */
  public boolean latestOnly() {
    return this == BACKWARD || this == FORWARD || this == FULL;
  }
}
