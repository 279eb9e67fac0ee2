package io.tickwatch.producer.internal.record;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Every recording structure of one agent. Handles are created here (rarely, bounded in number) and
 * then used by game threads without touching this registry again; the sampler reads the structures
 * and notices new ones through {@link #version()}.
 */
public final class MetricRegistry {

  /** Name under which timers, counters and gauges beyond their bound are folded. */
  public static final String OTHER_NAME = "other";

  private final NanosBucketIndex index;
  private final int maxLabelValues;
  private final int maxNames;
  private final LongAdder labelValuesFolded = new LongAdder();
  private final AtomicInteger version = new AtomicInteger();
  private final LatencyRecorder tick;
  private final LatencyFamily actions;
  private final ConcurrentHashMap<String, LatencyFamily> timers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CounterRecorder> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<LabeledSeries, LatencyRecorder> labeledTimers =
      new ConcurrentHashMap<>();
  private final AtomicInteger activePlayers = new AtomicInteger(-1);

  /**
   * Creates a registry.
   *
   * @param maxLabelValues distinct label values per labeled series before folding into "other"
   * @param maxNames distinct custom timer, counter and gauge names (each) before folding
   */
  public MetricRegistry(double relativeAccuracy, int maxLabelValues, int maxNames) {
    this(relativeAccuracy, maxLabelValues, maxNames, 0);
  }

  /**
   * Creates a registry whose action family keeps {@code reservedActionLabels} extra label values
   * (the predefined action types) on top of {@code maxLabelValues}.
   */
  public MetricRegistry(
      double relativeAccuracy, int maxLabelValues, int maxNames, int reservedActionLabels) {
    this.index = NanosBucketIndex.forAccuracy(relativeAccuracy);
    this.maxLabelValues = maxLabelValues;
    this.maxNames = maxNames;
    this.tick = new LatencyRecorder(index);
    this.actions =
        new LatencyFamily(
            "action.latency",
            "action",
            maxLabelValues + reservedActionLabels,
            index,
            labelValuesFolded,
            this::bump);
  }

  /** The tick-duration recorder (its cells also count overruns and frame drops). */
  public LatencyRecorder tick() {
    return tick;
  }

  /** Player-action latency by action type. */
  public LatencyFamily actions() {
    return actions;
  }

  /** A custom timer family, created on first use; folded into "other" beyond the name bound. */
  public LatencyFamily timer(String name, String labelKey) {
    LatencyFamily family = timers.get(name);
    if (family != null) {
      return family;
    }
    synchronized (timers) {
      family = timers.get(name);
      if (family != null) {
        return family;
      }
      if (timers.size() >= maxNames) {
        labelValuesFolded.increment();
        return timers.computeIfAbsent(OTHER_NAME, this::newUnlabeledTimer);
      }
      family =
          new LatencyFamily(name, labelKey, maxLabelValues, index, labelValuesFolded, this::bump);
      timers.put(name, family);
      bump();
      return family;
    }
  }

  /**
   * A latency series with a fixed label set (for example {@code ab.latency} with {@code experiment}
   * and {@code variant}), created on first use. At most {@code maxNames} such series exist; beyond
   * that the unlabeled {@code other} timer is returned and the fold counted.
   */
  public LatencyRecorder labeledTimer(String name, Map<String, String> labels) {
    LabeledSeries key = new LabeledSeries(name, Map.copyOf(labels));
    LatencyRecorder recorder = labeledTimers.get(key);
    if (recorder != null) {
      return recorder;
    }
    synchronized (labeledTimers) {
      recorder = labeledTimers.get(key);
      if (recorder != null) {
        return recorder;
      }
      if (labeledTimers.size() >= maxNames) {
        labelValuesFolded.increment();
        return timer(OTHER_NAME, null).unlabeled();
      }
      recorder = new LatencyRecorder(index);
      labeledTimers.put(key, recorder);
      bump();
      return recorder;
    }
  }

  /** Latency series with fixed label sets, by name and labels. */
  public Map<LabeledSeries, LatencyRecorder> labeledTimers() {
    return labeledTimers;
  }

  /** Name and label set of a {@link #labeledTimer}. */
  public record LabeledSeries(String name, Map<String, String> labels) {}

  /** A custom counter, created on first use; folded into "other" beyond the name bound. */
  public CounterRecorder counter(String name) {
    CounterRecorder counter = counters.get(name);
    if (counter != null) {
      return counter;
    }
    synchronized (counters) {
      if (!counters.containsKey(name) && counters.size() >= maxNames) {
        labelValuesFolded.increment();
        name = OTHER_NAME;
      }
      CounterRecorder created = counters.computeIfAbsent(name, n -> new CounterRecorder());
      bump();
      return created;
    }
  }

  /** Registers (or replaces) a gauge sampled every slot; returns false when over the bound. */
  public boolean gauge(String name, DoubleSupplier supplier) {
    synchronized (gauges) {
      if (!gauges.containsKey(name) && gauges.size() >= maxNames) {
        labelValuesFolded.increment();
        return false;
      }
      gauges.put(name, supplier);
      bump();
      return true;
    }
  }

  /** Sets the active player count (negative: unknown). Wait-free release store. */
  public void activePlayers(int players) {
    activePlayers.setRelease(players);
  }

  /** The active player count, negative when never set. */
  public int activePlayers() {
    return activePlayers.getAcquire();
  }

  /** Timer families by name. */
  public Map<String, LatencyFamily> timers() {
    return timers;
  }

  /** Counters by name. */
  public Map<String, CounterRecorder> counters() {
    return counters;
  }

  /** Gauges by name. */
  public Map<String, DoubleSupplier> gauges() {
    return gauges;
  }

  /** Number of label values and names folded into "other" so far. */
  public long labelValuesFolded() {
    return labelValuesFolded.sum();
  }

  /** Changes whenever a recorder, counter or gauge is added. */
  public int version() {
    return version.get();
  }

  /** The bucket index shared by every latency series. */
  public NanosBucketIndex index() {
    return index;
  }

  private LatencyFamily newUnlabeledTimer(String name) {
    bump();
    return new LatencyFamily(name, null, 1, index, labelValuesFolded, this::bump);
  }

  private void bump() {
    version.incrementAndGet();
  }
}
