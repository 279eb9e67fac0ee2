package io.tickwatch.stats.anomaly;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An Adaptive-Resonance-Theory detector in the spirit of ARTime (Mark Hampton's NAB detector):
 * short windows of a downsampled, normalised series are clustered on line by a dual-vigilance fuzzy
 * ART memory ({@link DualVigilanceArt}); a window no category resonates with is a new pattern, and
 * a new pattern is an anomaly unless it follows one too closely.
 *
 * <ol>
 *   <li><b>Downsampling</b>: every {@code step} values make one value: the block's maximum or
 *       minimum, whichever lies further from a running average of block means, when it differs from
 *       the block mean by at least {@code spikeFraction} of the mean; the block mean otherwise (a
 *       spike survives downsampling, noise does not).
 *   <li><b>Causal normalisation</b>: the first {@code warmupRows} rows only learn; at their end the
 *       value range is their range widened by {@code rangeMargin} of its width on each side. A
 *       later value outside the range widens it (to the value plus the margin) and every stored
 *       quantity in value units — the ART boxes of the level features, the feature window, the
 *       level histogram — is re-expressed in the new range, so nothing learned is lost. (NAB hands
 *       its detectors the file's minimum and maximum in advance; this detector does not use them.)
 *   <li><b>Discretisation</b>: the normalised value is rounded to one of {@code levels} levels, and
 *       snapped to the running median level when within {@code snapBand} of it (small wobble around
 *       the usual level is not a pattern).
 *   <li><b>Features</b>: the last {@code window} values as shape (Haar wavelet of the min-max
 *       scaled window) plus levels ({@link HaarFeatures}).
 *   <li><b>Warm-up</b>: at the end of the warm-up the buffered windows initialise the vigilance:
 *       ordered from the least to the most typical (sum of cosine similarities to the others), they
 *       are clustered by a scratch memory at vigilance {@code initialRho}, and the mean resonance
 *       over the second half is the starting vigilance (both levels); then the real memory learns
 *       them in time order.
 *   <li><b>Score</b>: when a window is novel, {@code c = 0.35·(ρu − r)/(1 − r) + 0.65·(ρl − r)/(1 −
 *       r) + 1.5·(1 − e)} (capped at 1; {@code r} the best resonance, {@code e} its energy match,
 *       the fit of the newest value); rows that are not novel, or are masked, score 0. The score is
 *       {@code c} rescaled so that {@code c = alarmConfidence} is {@link #ALARM}.
 *   <li><b>Masking</b>: for {@code 1.5·window} downsampled steps after an anomaly, and after any
 *       novel window or vigilance change until {@code 1.5·window} steps passed without novelty, a
 *       novel window is an anomaly only if its resonance is below 0.9 (after an anomaly) or 0.7
 *       (otherwise) times that of the last anomaly: one event, one alarm.
 *   <li><b>Vigilance adaptation</b> every half warm-up length (in steps) and at the end of each
 *       anomaly mask: the upper vigilance becomes the mean resonance so far (at most 0.97); the
 *       lower one moves 19 % of the way up to the smallest recent resonance, or, when that is below
 *       it, down by half the mean recent shortfall of resonance under the upper vigilance (counting
 *       shortfalls above 0.05, each at most 0.37; at least 0.01), but not below the mean resonance
 *       of past anomalies.
 * </ol>
 *
 * <p>Cost: O({@code capacity · 4 · window}) per downsampled step, i.e. per row divided by {@code
 * step}. State: plain arrays and fields; the number of categories is capped at {@code capacity}
 * (least recently used replaced).
 */
public final class ArtDetector implements AnomalyDetector {

  private static final long serialVersionUID = 1L;

  /**
   * Parameters; see the class comment.
   *
   * @param warmupRows rows that only learn (and set the value range)
   * @param step rows per downsampled value
   * @param window downsampled values per feature window (a power of two)
   * @param levels discretisation levels over the value range
   * @param snapBand distance (in range units) within which a value snaps to the median level
   * @param spikeFraction relative distance from the block mean that keeps a block extreme
   * @param rangeMargin range widening margin, as a fraction of the range width
   * @param initialRho vigilance of the scratch memory that sets the starting vigilance
   * @param capacity maximum number of ART categories
   * @param alarmConfidence confidence reported as {@link #ALARM}
   */
  public record Config(
      int warmupRows,
      int step,
      int window,
      int levels,
      double snapBand,
      double spikeFraction,
      double rangeMargin,
      double initialRho,
      int capacity,
      double alarmConfidence)
      implements Serializable {

    public Config {
      if (step < 1 || window < 2 || Integer.bitCount(window) != 1 || levels < 2) {
        throw new IllegalArgumentException("invalid ART step, window or levels");
      }
      if (warmupRows / step < 2 * window) {
        throw new IllegalArgumentException("warm-up must span at least two feature windows");
      }
      if (!(snapBand >= 0) || !(spikeFraction >= 0) || !(rangeMargin >= 0)) {
        throw new IllegalArgumentException("invalid ART snap band, spike fraction or margin");
      }
      if (!(initialRho > 0 && initialRho < 1) || capacity < 2) {
        throw new IllegalArgumentException("invalid ART vigilance or capacity");
      }
      if (!(alarmConfidence > 0 && alarmConfidence < 1)) {
        throw new IllegalArgumentException("alarmConfidence must be in (0,1)");
      }
    }

    /** The catalogue configuration ("art"). */
    public static Config defaults() {
      return new Config(200, 1, 16, 40, 0.075, 0.1, 0.0, 0.8, 500, 0.55);
    }
  }

  private final Config config;
  private final int maskSteps;
  private final int trendSteps;

  // downsampling
  private final double[] block;
  private int blockFill;
  private double blockMeanAverage;
  private boolean averaged;

  // warm-up buffer (raw downsampled values)
  private final double[] warm;
  private int warmCount;
  private boolean ready;

  // value range and levels
  private double low;
  private double high;
  private final long[] levelCounts;

  // feature window
  private final double[] recent;
  private int recentFill;
  private final double[] features;
  private final double[] scratch;

  private final DualVigilanceArt art;

  // detection state (indices count presented windows, from 1)
  private int presented;
  private int lastAnomaly;
  private double lastAnomalyResonance;
  private int lastVigilanceUpdate;
  private boolean maskAfterNovelty;
  private int quietSteps;
  private double resonanceSum;
  private long resonanceCount;
  private final double[] recentResonance;
  private final double[] recentShortfall;
  private int ringPosition;
  private double anomalyResonanceSum;
  private int anomalyCount;
  private double lastAnomalyEntry;

  /** The catalogue configuration. */
  public ArtDetector() {
    this(Config.defaults());
  }

  public ArtDetector(Config config) {
    this.config = config;
    this.maskSteps = (int) Math.round(1.5 * config.window());
    this.block = new double[config.step()];
    this.warm = new double[config.warmupRows() / config.step()];
    this.trendSteps = warm.length - config.window() + 1;
    this.levelCounts = new long[config.levels() + 1];
    this.recent = new double[config.window()];
    this.features = new double[2 * config.window()];
    this.scratch = new double[config.window()];
    this.art =
        new DualVigilanceArt(2 * config.window(), config.capacity(), 2 * config.window() - 1);
    this.recentResonance = new double[trendSteps / 2 + 1];
    this.recentShortfall = new double[trendSteps + 1];
    Arrays.fill(recentResonance, 1.0);
  }

  /** Number of ART categories (for tests and diagnostics). */
  public int categories() {
    return art.categories();
  }

  @Override
  public double score(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return 0.0;
    }
    block[blockFill++] = value;
    if (blockFill < block.length) {
      return 0.0;
    }
    blockFill = 0;
    double sample = downsample();
    if (!ready) {
      warm[warmCount++] = sample;
      if (warmCount == warm.length) {
        finishWarmup();
      }
      return 0.0;
    }
    if (!nextFeatures(sample)) {
      return 0.0;
    }
    return toScore(detect());
  }

  private double downsample() {
    double sum = 0.0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double v : block) {
      sum += v;
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    double mean = sum / block.length;
    blockMeanAverage = averaged ? (blockMeanAverage + mean) / 2.0 : mean;
    averaged = true;
    double pick = Math.abs(max - blockMeanAverage) < Math.abs(min - blockMeanAverage) ? min : max;
    if (Math.abs(pick - mean) < config.spikeFraction() * Math.abs(mean)) {
      pick = mean;
    }
    return pick;
  }

  private void finishWarmup() {
    WarmupRange range = WarmupRange.of(warm, config.rangeMargin());
    low = range.low();
    high = range.high();
    double[][] buffered = new double[trendSteps][];
    int n = 0;
    for (double v : warm) {
      if (nextFeatures(v)) {
        buffered[n++] = features.clone();
      }
    }
    double rho = initialVigilance(buffered, n);
    art.setVigilance(rho, rho);
    for (int i = 0; i < n; i++) {
      System.arraycopy(buffered[i], 0, features, 0, features.length);
      detect();
    }
    ready = true;
  }

  /** Normalises, discretises and windows one downsampled value; true when features are ready. */
  private boolean nextFeatures(double sample) {
    if (sample < low || sample > high) {
      widen(sample);
    }
    double width = high - low;
    double x = width == 0.0 ? 0.0 : (sample - low) / width;
    int levels = config.levels();
    int level = (int) Math.round(Math.min(1.0, Math.max(0.0, x)) * levels);
    levelCounts[level]++;
    double median = medianLevel() / (double) levels;
    x = level / (double) levels;
    if (Math.abs(x - median) < config.snapBand()) {
      x = median;
    }
    System.arraycopy(recent, 1, recent, 0, recent.length - 1);
    recent[recent.length - 1] = x;
    if (recentFill < recent.length) {
      recentFill++;
      if (recentFill < recent.length) {
        return false;
      }
    }
    HaarFeatures.compute(recent, scratch, features);
    return true;
  }

  private void widen(double sample) {
    double newLow = Math.min(low, sample);
    double newHigh = Math.max(high, sample);
    double margin = config.rangeMargin() * (newHigh - newLow);
    if (sample < low) {
      newLow -= margin;
    }
    if (sample > high) {
      newHigh += margin;
    }
    double oldWidth = high - low;
    double newWidth = newHigh - newLow;
    // a value that was x (in the old range) is now scale * x + shift
    double scale = oldWidth / newWidth;
    double shift = (low - newLow) / newWidth;
    for (int i = 0; i < recentFill; i++) {
      int k = recent.length - recentFill + i;
      recent[k] = scale * recent[k] + shift;
    }
    int levels = config.levels();
    long[] moved = new long[levelCounts.length];
    for (int l = 0; l <= levels; l++) {
      if (levelCounts[l] != 0) {
        double x = scale * (l / (double) levels) + shift;
        int to = (int) Math.round(Math.min(1.0, Math.max(0.0, x)) * levels);
        moved[to] += levelCounts[l];
      }
    }
    System.arraycopy(moved, 0, levelCounts, 0, moved.length);
    art.rescale(config.window(), 2 * config.window(), scale, shift);
    low = newLow;
    high = newHigh;
  }

  private int medianLevel() {
    long total = 0;
    for (long c : levelCounts) {
      total += c;
    }
    long half = (total + 1) / 2;
    long seen = 0;
    for (int l = 0; l < levelCounts.length; l++) {
      seen += levelCounts[l];
      if (seen >= half) {
        return l;
      }
    }
    return levelCounts.length - 1;
  }

  /** Presents the current features to the memory; returns the confidence (0 if no anomaly). */
  private double detect() {
    int i = ++presented;
    boolean adaptAfterAnomaly = lastAnomaly > 0 && i - lastAnomaly == maskSteps;
    boolean adaptForTrend = i - lastVigilanceUpdate >= trendSteps / 2;
    boolean maskAfterAnomaly = lastAnomaly > 0 && i - lastAnomaly <= maskSteps;
    if (i > trendSteps + maskSteps && maskAfterNovelty && quietSteps >= maskSteps) {
      maskAfterNovelty = false;
    }
    boolean novel = art.present(features);
    double r = art.lastResonance();
    quietSteps = novel ? 0 : quietSteps + 1;
    resonanceSum += r;
    resonanceCount++;
    recentResonance[ringPosition % recentResonance.length] = r;
    recentShortfall[ringPosition % recentShortfall.length] = art.rhoUpper() - r;
    ringPosition++;
    if (anomalyCount > 0 && lastAnomaly > 0 && i - lastAnomaly < maskSteps) {
      if (r < lastAnomalyEntry) {
        anomalyResonanceSum += r - lastAnomalyEntry;
        lastAnomalyEntry = r;
      }
    }
    boolean masked = maskAfterNovelty || maskAfterAnomaly;
    double belowLast = maskAfterAnomaly ? 0.9 : 0.7;
    boolean anomalous = novel && (!masked || r < lastAnomalyResonance * belowLast);
    double confidence = 0.0;
    if (i > trendSteps && anomalous) {
      confidence = confidence(r, art.lastEnergy());
      anomalyResonanceSum += r;
      anomalyCount++;
      lastAnomalyEntry = r;
      lastAnomalyResonance = r;
      lastAnomaly = i;
    }
    maskAfterNovelty = novel || maskAfterNovelty;
    if (i > trendSteps && (adaptAfterAnomaly || adaptForTrend)) {
      adaptVigilance(i);
    }
    return confidence;
  }

  private void adaptVigilance(int i) {
    double minRecent = Double.POSITIVE_INFINITY;
    for (double v : recentResonance) {
      minRecent = Math.min(minRecent, v);
    }
    double upper = Math.min(0.97, resonanceSum / resonanceCount);
    double lower = art.rhoLower();
    if (lower <= minRecent) {
      lower += 0.19 * (minRecent - lower);
    } else {
      double decrease = 0.0;
      if (i > 2 * trendSteps) {
        double sum = 0.0;
        int n = 0;
        for (double s : recentShortfall) {
          if (s > 0.05) {
            sum += Math.min(0.37, s);
            n++;
          }
        }
        decrease = n > 0 ? sum / n : 0.0;
      }
      lower -= Math.max(0.01, decrease) / 2.0;
      if (anomalyCount > 0) {
        lower = Math.max(anomalyResonanceSum / anomalyCount, lower);
      }
    }
    art.setVigilance(Math.min(upper, lower), upper);
    lastVigilanceUpdate = i;
    maskAfterNovelty = true;
  }

  private double confidence(double resonance, double energy) {
    double r = Math.min(0.999, resonance);
    double upperTerm = (art.rhoUpper() - r) / (1.0 - r);
    double lowerTerm = (art.rhoLower() - r) / (1.0 - r);
    double c = 0.35 * upperTerm + 0.65 * lowerTerm + 1.5 * (1.0 - energy);
    return Math.max(1e-6, Math.min(1.0, c));
  }

  private double toScore(double confidence) {
    double a = config.alarmConfidence();
    if (confidence <= 0.0) {
      return 0.0;
    }
    return confidence >= a
        ? ALARM + (1.0 - ALARM) * (confidence - a) / (1.0 - a)
        : ALARM * confidence / a;
  }

  /** Starting vigilance from the warm-up windows (see the class comment). */
  private double initialVigilance(double[][] windows, int n) {
    if (n < 2) {
      return config.initialRho();
    }
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0.0;
      for (double v : windows[i]) {
        s += v * v;
      }
      norms[i] = Math.sqrt(s);
    }
    double[] typicality = new double[n];
    for (int i = 0; i < n; i++) {
      typicality[i] += 1.0;
      for (int j = 0; j < i; j++) {
        double sim = cosine(windows[i], norms[i], windows[j], norms[j]);
        typicality[i] += sim;
        typicality[j] += sim;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(typicality[p], typicality[q]));
    DualVigilanceArt trial = new DualVigilanceArt(features.length, n + 1, features.length - 1);
    trial.setVigilance(config.initialRho(), config.initialRho());
    double sum = 0.0;
    int count = 0;
    for (int k = 0; k < n; k++) {
      trial.present(windows[order[k]]);
      if (k >= n / 2) {
        sum += trial.lastResonance();
        count++;
      }
    }
    return sum / count;
  }

  private static double cosine(double[] a, double normA, double[] b, double normB) {
    if (normA == 0.0) {
      return 1.0 - normB;
    }
    if (normB == 0.0) {
      return 1.0 - normA;
    }
    double dot = 0.0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
    }
    return dot / (normA * normB);
  }
}
