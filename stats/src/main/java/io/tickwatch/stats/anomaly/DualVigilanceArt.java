package io.tickwatch.stats.anomaly;

import java.io.Serializable;

/**
 * A dual-vigilance fuzzy ART memory (Carpenter &amp; Grossberg's fuzzy ART with two vigilance
 * levels), the category layer of {@link ArtDetector}.
 *
 * <p>Inputs are complement coded: a feature vector {@code f} in [0,1]^d is presented as {@code I =
 * (f, 1 - f)}, so a category weight {@code w = (u, 1 - v)} is the hyperbox {@code [u, v]} of the
 * inputs it has learned. For each category the match is {@code |I ∧ w| / |w|} (∧ = component
 * minimum, |.| = L1 norm), i.e. how little the box must grow to take the input in, and the
 * <i>energy</i> match is the same restricted to one designated component (the newest value) and its
 * complement. The resonance of a category is {@code match^3 · energy^2}.
 *
 * <ul>
 *   <li>best resonance at least {@code rhoUpper}: every category that reaches {@code rhoUpper}
 *       learns by fast learning, {@code w ← I ∧ w} (its box grows to include the input);
 *   <li>best resonance in [{@code rhoLower}, {@code rhoUpper}): a new category is committed next to
 *       a known one (a variation of a known pattern, not novel);
 *   <li>best resonance below {@code rhoLower}: a new category is committed and the input is
 *       <b>novel</b> ({@link #present} returns true).
 * </ul>
 *
 * <p>The number of categories is capped: when full, the least recently used category (last chosen,
 * learned or committed) is overwritten. State is plain arrays, so the memory serialises with its
 * detector.
 */
final class DualVigilanceArt implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int features;
  private final int capacity;
  private final int energyIndex;
  private final double[] weights;
  private final long[] lastUsed;
  private final double[] resonance;
  private final double[] sizes;
  private final double[] complement;
  private int count;
  private long clock;
  private double rhoLower;
  private double rhoUpper;
  private double lastResonance;
  private double lastEnergy;

  /**
   * @param features the length {@code d} of a feature vector (inputs have length {@code 2d})
   * @param capacity the maximum number of categories
   * @param energyIndex the feature whose match is the energy match
   */
  DualVigilanceArt(int features, int capacity, int energyIndex) {
    if (features < 1 || capacity < 2 || energyIndex < 0 || energyIndex >= features) {
      throw new IllegalArgumentException("invalid ART dimensions");
    }
    this.features = features;
    this.capacity = capacity;
    this.energyIndex = energyIndex;
    this.weights = new double[capacity * 2 * features];
    this.lastUsed = new long[capacity];
    this.resonance = new double[capacity];
    this.sizes = new double[capacity];
    this.complement = new double[features];
  }

  /** Sets both vigilance levels; {@code lower <= upper}. */
  void setVigilance(double lower, double upper) {
    this.rhoLower = Math.min(lower, upper);
    this.rhoUpper = upper;
  }

  double rhoLower() {
    return rhoLower;
  }

  double rhoUpper() {
    return rhoUpper;
  }

  int categories() {
    return count;
  }

  /** The best resonance of the last presented input (0 for the first input ever). */
  double lastResonance() {
    return lastResonance;
  }

  /** The energy match of the best-resonating category for the last input. */
  double lastEnergy() {
    return lastEnergy;
  }

  /**
   * Presents one feature vector (not complement coded; the memory codes it).
   *
   * @param f features in [0,1], length {@code features}
   * @return true when the input is novel (resonance below {@code rhoLower} for every category)
   */
  boolean present(double[] f) {
    clock++;
    if (count == 0) {
      commit(f);
      lastResonance = 0.0;
      lastEnergy = 0.0;
      return false;
    }
    int width = 2 * features;
    for (int k = 0; k < features; k++) {
      complement[k] = 1.0 - f[k];
    }
    int best = -1;
    double bestResonance = -1.0;
    double bestEnergy = 0.0;
    for (int c = 0; c < count; c++) {
      int base = c * width;
      int baseComplement = base + features;
      double overlap = 0.0;
      for (int k = 0; k < features; k++) {
        overlap +=
            Math.min(f[k], weights[base + k])
                + Math.min(complement[k], weights[baseComplement + k]);
      }
      double size = sizes[c];
      double match = overlap / (size == 0.0 ? 1e-3 : size);
      double we = weights[base + energyIndex];
      double wec = weights[base + features + energyIndex];
      double xe = f[energyIndex];
      double energyWeight = we + wec;
      double energy =
          energyWeight == 0.0 ? 1.0 : (Math.min(xe, we) + Math.min(1.0 - xe, wec)) / energyWeight;
      double r = match * match * match * energy * energy;
      resonance[c] = r;
      if (r > bestResonance) {
        bestResonance = r;
        bestEnergy = energy;
        best = c;
      }
    }
    lastResonance = bestResonance;
    lastEnergy = bestEnergy;
    if (bestResonance >= rhoUpper) {
      for (int c = 0; c < count; c++) {
        if (resonance[c] >= rhoUpper) {
          learn(c, f);
        }
      }
      return false;
    }
    commit(f);
    if (bestResonance >= rhoLower) {
      lastUsed[best] = clock;
      return false;
    }
    return true;
  }

  private void learn(int c, double[] f) {
    int base = c * 2 * features;
    for (int k = 0; k < features; k++) {
      weights[base + k] = Math.min(weights[base + k], f[k]);
      weights[base + features + k] = Math.min(weights[base + features + k], 1.0 - f[k]);
    }
    sizes[c] = size(c);
    lastUsed[c] = clock;
  }

  private void commit(double[] f) {
    int slot;
    if (count < capacity) {
      slot = count++;
    } else {
      slot = 0;
      for (int c = 1; c < capacity; c++) {
        if (lastUsed[c] < lastUsed[slot]) {
          slot = c;
        }
      }
    }
    int base = slot * 2 * features;
    for (int k = 0; k < features; k++) {
      weights[base + k] = f[k];
      weights[base + features + k] = 1.0 - f[k];
    }
    sizes[slot] = size(slot);
    lastUsed[slot] = clock;
  }

  private double size(int c) {
    double s = 0.0;
    int base = c * 2 * features;
    for (int k = 0; k < 2 * features; k++) {
      s += weights[base + k];
    }
    return s;
  }

  /**
   * Re-expresses the boxes of features {@code [from, to)} after their scale changed: a value that
   * was {@code x} is now {@code scale·x + shift} (scale &gt; 0, so boxes stay boxes).
   */
  void rescale(int from, int to, double scale, double shift) {
    int width = 2 * features;
    for (int c = 0; c < count; c++) {
      int base = c * width;
      for (int k = from; k < to; k++) {
        double lower = weights[base + k];
        double upper = 1.0 - weights[base + features + k];
        if (lower > upper) {
          continue; // an empty box (never learned an input there) stays empty
        }
        weights[base + k] = clamp01(scale * lower + shift);
        weights[base + features + k] = 1.0 - clamp01(scale * upper + shift);
      }
      sizes[c] = size(c);
    }
  }

  private static double clamp01(double x) {
    return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
  }
}
