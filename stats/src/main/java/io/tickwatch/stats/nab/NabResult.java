package io.tickwatch.stats.nab;

import java.util.List;

/**
 * The NAB scores of one detector over a corpus.
 *
 * @param detector detector name
 * @param profiles per profile: the optimised threshold and normalised score, in {@link
 *     NabProfile#ALL} order
 * @param categories per category: the standard profile's score at the corpus-wide standard
 *     threshold
 */
public record NabResult(
    String detector, List<ProfileScore> profiles, List<CategoryScore> categories) {

  public NabResult {
    profiles = List.copyOf(profiles);
    categories = List.copyOf(categories);
  }

  /** The score under {@code profile}. */
  public ProfileScore profile(NabProfile profile) {
    return profiles.stream()
        .filter(p -> p.profile().equals(profile))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not scored: " + profile.name()));
  }

  /**
   * One profile's result.
   *
   * @param profile the profile
   * @param best the raw score and counts at the optimised threshold
   * @param normalizedScore 0 = null detector, 100 = perfect detector
   */
  public record ProfileScore(NabProfile profile, ThresholdScore best, double normalizedScore) {}

  /**
   * One category's result under the standard profile at the corpus-wide threshold.
   *
   * @param category category name
   * @param seriesCount number of series
   * @param atThreshold raw score and counts
   * @param normalizedScore normalised score, NaN when the category has no windows
   */
  public record CategoryScore(
      String category, int seriesCount, ThresholdScore atThreshold, double normalizedScore) {}
}
