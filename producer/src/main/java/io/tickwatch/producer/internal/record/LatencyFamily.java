package io.tickwatch.producer.internal.record;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A named latency series, optionally split by one label whose number of distinct values is bounded:
 * values beyond the bound share the recorder of the value {@value #OTHER} and every such fold is
 * counted. Lookups of known values are a lock-free, allocation-free map read; only the creation of
 * a new label value (at most {@code maxLabelValues} times) takes a lock.
 */
public final class LatencyFamily {

  /** The label value that collects every value beyond the cardinality bound. */
  public static final String OTHER = "other";

  private final String name;
  private final String labelKey;
  private final int maxLabelValues;
  private final NanosBucketIndex index;
  private final LongAdder folded;
  private final Runnable onNewSeries;
  private final ConcurrentHashMap<String, LatencyRecorder> byValue = new ConcurrentHashMap<>();
  private final LatencyRecorder unlabeled;
  private volatile LatencyRecorder other;

  /**
   * Creates a family.
   *
   * @param labelKey the label name, or null for an unlabeled series
   * @param maxLabelValues distinct label values kept before folding into {@value #OTHER}
   * @param folded counts folds (shared by the agent)
   * @param onNewSeries called after a new recorder was created (so the sampler picks it up)
   */
  public LatencyFamily(
      String name,
      String labelKey,
      int maxLabelValues,
      NanosBucketIndex index,
      LongAdder folded,
      Runnable onNewSeries) {
    this.name = name;
    this.labelKey = labelKey;
    this.maxLabelValues = Math.max(1, maxLabelValues);
    this.index = index;
    this.folded = folded;
    this.onNewSeries = onNewSeries;
    this.unlabeled = labelKey == null ? new LatencyRecorder(index) : null;
  }

  /** Series name. */
  public String name() {
    return name;
  }

  /** Label name, null when unlabeled. */
  public String labelKey() {
    return labelKey;
  }

  /** The recorder of an unlabeled family (or the {@value #OTHER} recorder of a labeled one). */
  public LatencyRecorder unlabeled() {
    return unlabeled != null ? unlabeled : otherRecorder();
  }

  /** The recorder of a label value; folds into {@value #OTHER} beyond the bound. Never null. */
  public LatencyRecorder forLabel(String value) {
    if (unlabeled != null) {
      return unlabeled;
    }
    if (value == null) {
      value = OTHER;
    }
    LatencyRecorder recorder = byValue.get(value);
    if (recorder != null) {
      return recorder;
    }
    if (byValue.size() >= maxLabelValues && !OTHER.equals(value)) {
      folded.increment();
      return otherRecorder();
    }
    return create(value);
  }

  /** Current recorders by label value (the unlabeled recorder under the key ""). */
  public Map<String, LatencyRecorder> recorders() {
    if (unlabeled != null) {
      return Map.of("", unlabeled);
    }
    Map<String, LatencyRecorder> all = new java.util.HashMap<>(byValue);
    LatencyRecorder o = other;
    if (o != null) {
      all.put(OTHER, o);
    }
    return all;
  }

  /** Every recorder of this family. */
  public Collection<LatencyRecorder> allRecorders() {
    return recorders().values();
  }

  private synchronized LatencyRecorder create(String value) {
    if (OTHER.equals(value)) {
      return otherRecorder();
    }
    LatencyRecorder existing = byValue.get(value);
    if (existing != null) {
      return existing;
    }
    if (byValue.size() >= maxLabelValues) {
      folded.increment();
      return otherRecorder();
    }
    LatencyRecorder created = new LatencyRecorder(index);
    byValue.put(value, created);
    onNewSeries.run();
    return created;
  }

  private LatencyRecorder otherRecorder() {
    LatencyRecorder o = other;
    if (o == null) {
      synchronized (this) {
        o = other;
        if (o == null) {
          o = new LatencyRecorder(index);
          other = o;
          onNewSeries.run();
        }
      }
    }
    return o;
  }
}
