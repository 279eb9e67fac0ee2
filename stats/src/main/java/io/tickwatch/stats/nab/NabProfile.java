package io.tickwatch.stats.nab;

import java.util.List;

/**
 * A NAB application profile: the weights of true positives, false positives and false negatives.
 *
 * @param name profile name as NAB spells it
 * @param tpWeight A_TP, reward for a detected window (earliest detection)
 * @param fpWeight A_FP, cost of a detection outside every window
 * @param fnWeight A_FN, cost of a window without a detection
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

  /** NAB's standard profile. */
  public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);

  /** NAB's profile that rewards a low false-positive rate. */
  public static final NabProfile REWARD_LOW_FP =
      new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);

  /** NAB's profile that rewards a low false-negative rate. */
  public static final NabProfile REWARD_LOW_FN =
      new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

  /** The three published profiles, standard first. */
  public static final List<NabProfile> ALL = List.of(STANDARD, REWARD_LOW_FP, REWARD_LOW_FN);

  public NabProfile {
    if (!(tpWeight > 0) || !(fpWeight >= 0) || !(fnWeight >= 0)) {
      throw new IllegalArgumentException("weights must be tp > 0, fp >= 0, fn >= 0");
    }
  }
}
