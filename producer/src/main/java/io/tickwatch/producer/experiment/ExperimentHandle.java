package io.tickwatch.producer.experiment;

import io.tickwatch.producer.Timer;
import java.util.List;
import java.util.Map;

/**
 * One experiment as the game sees it: assigns units to variants and times units of work under the
 * assigned variant. Obtained from {@link Experiments#declare} or {@link Experiments#follow}; its
 * definition can change at any time (a followed experiment is started or stopped on the topic), and
 * every call sees either the old or the new definition, never a mix.
 *
 * <p>While the experiment is not running (unknown yet, DRAFT or STOPPED) every unit is assigned the
 * control variant and nothing is recorded, so a stopped experiment falls back to the control code
 * path and its results are not polluted.
 *
 * <p>Thread-safe. {@link #variantIndex}, {@link #start}, {@link UnitOfWork#close} and {@link
 * #record} take no lock, never throw and do not allocate after a thread's first unit (the unit
 * object is reused per thread; a unit opened while another of the same experiment is open on the
 * same thread is the one exception and is allocated).
 */
public final class ExperimentHandle {

  /** Series names, each labelled {@code experiment=<id>, variant=<name>}. */
  public static final String LATENCY = "ab.latency";

  /** Wall-clock duration of failed units; its count is the error count. */
  public static final String ERRORS = "ab.errors";

  /** One entry per distinct unit first seen by this agent; its count is the unit count. */
  public static final String UNITS = "ab.units";

  /** CPU time of the unit's thread during the unit of work. */
  public static final String CPU = "ab.cpu";

  /**
   * Bytes allocated by the unit's thread during the unit of work, recorded as if they were
   * nanoseconds: the digest's "micros" read as kilobytes (1000 bytes).
   */
  public static final String ALLOCATED = "ab.alloc.kb";

  private final String experimentId;
  private final TimerSource timers;
  private final int unitCapacity;
  final Metering metering;
  private final ThreadLocal<UnitOfWork> spare = ThreadLocal.withInitial(() -> new UnitOfWork(this));
  private volatile Definition definition;

  ExperimentHandle(
      String experimentId,
      ExperimentSpec initial,
      TimerSource timers,
      int unitCapacity,
      Metering metering) {
    this.experimentId = experimentId;
    this.metering = metering;
    this.timers = timers;
    this.unitCapacity = unitCapacity;
    this.definition = initial == null ? null : define(initial);
  }

  /** The experiment id. */
  public String experimentId() {
    return experimentId;
  }

  /** The current definition, or null while a followed experiment is not known yet. */
  public ExperimentSpec spec() {
    Definition d = definition;
    return d == null ? null : d.spec;
  }

  /** True when units are assigned to variants and recorded. */
  public boolean running() {
    Definition d = definition;
    return d != null && d.spec.running();
  }

  /**
   * Index of the variant of {@code unitId} in {@link ExperimentSpec#variants()}: the hashed variant
   * while running, the control variant otherwise, -1 while the experiment is unknown.
   */
  public int variantIndex(CharSequence unitId) {
    Definition d = definition;
    if (d == null) {
      return -1;
    }
    if (!d.spec.running() || unitId == null) {
      return d.control;
    }
    try {
      return d.assigner.variantIndex(unitId);
    } catch (Throwable t) {
      return d.control;
    }
  }

  /** Name of the variant of {@code unitId} (see {@link #variantIndex}); null while unknown. */
  public String variant(CharSequence unitId) {
    Definition d = definition;
    int index = variantIndex(unitId);
    return d == null || index < 0 ? null : d.names[Math.min(index, d.names.length - 1)];
  }

  /**
   * Starts timing one unit of work of {@code unitId} under its variant; close it (try with
   * resources) when the work is done, after {@link UnitOfWork#fail()} if it failed.
   */
  public UnitOfWork start(CharSequence unitId) {
    UnitOfWork unit = spare.get();
    if (unit.open) {
      unit = new UnitOfWork(this);
    }
    unit.begin(definition, unitId);
    return unit;
  }

  /**
   * Records one finished unit of work of {@code unitId} that took {@code durationNanos} (use when
   * the work is not bracketed by {@link #start}).
   */
  public void record(CharSequence unitId, long durationNanos, boolean failed) {
    Definition d = definition;
    if (d == null || !d.spec.running() || unitId == null) {
      return;
    }
    try {
      long bucket = d.assigner.bucket(unitId);
      d.finish(
          d.assigner.variantIndexOfBucket(bucket), bucket, unitId, durationNanos, failed, -1, -1);
    } catch (Throwable ignored) {
      // never throws into the game
    }
  }

  void update(ExperimentSpec spec) {
    if (spec == null) {
      definition = null;
      return;
    }
    Definition current = definition;
    if (current != null && current.spec.equals(spec)) {
      return;
    }
    definition = define(spec);
  }

  private Definition define(ExperimentSpec spec) {
    return new Definition(spec, timers, unitCapacity);
  }

  /** Creates the labelled timers of the variants (the agent's {@code timerWithLabels}). */
  @FunctionalInterface
  public interface TimerSource {
    /** A timer with exactly these labels. */
    Timer timer(String name, Map<String, String> labels);
  }

  /** An immutable snapshot of the definition with its recorders. */
  static final class Definition {
    final ExperimentSpec spec;
    final VariantAssigner assigner;
    final String[] names;
    final int control;
    final Timer[] latency;
    final Timer[] errors;
    final Timer[] units;
    final Timer[] cpu;
    final Timer[] allocated;
    final DistinctUnits seen;

    Definition(ExperimentSpec spec, TimerSource timers, int unitCapacity) {
      this.spec = spec;
      this.assigner = VariantAssigner.of(spec);
      List<Variant> variants = spec.variants();
      int n = variants.size();
      this.names = new String[n];
      this.control = spec.controlIndex();
      this.latency = new Timer[n];
      this.errors = new Timer[n];
      this.units = new Timer[n];
      this.cpu = new Timer[n];
      this.allocated = new Timer[n];
      this.seen = new DistinctUnits(unitCapacity);
      for (int i = 0; i < n; i++) {
        names[i] = variants.get(i).name();
        if (spec.running()) {
          Map<String, String> labels =
              Map.of("experiment", spec.experimentId(), "variant", names[i]);
          latency[i] = timers.timer(LATENCY, labels);
          errors[i] = timers.timer(ERRORS, labels);
          units[i] = timers.timer(UNITS, labels);
          cpu[i] = timers.timer(CPU, labels);
          allocated[i] = timers.timer(ALLOCATED, labels);
        }
      }
    }

    /**
     * Records one finished unit.
     *
     * @param bucket the unit's assignment hash ({@link VariantAssigner#bucket}); with a second hash
     *     of the unit it forms the 64-bit key of the distinct-unit set
     */
    void finish(
        int index,
        long bucket,
        CharSequence unitId,
        long durationNanos,
        boolean failed,
        long cpuNanos,
        long allocatedBytes) {
      if (latency[index] == null) {
        return;
      }
      (failed ? errors[index] : latency[index]).record(durationNanos);
      if (cpuNanos >= 0) {
        cpu[index].record(cpuNanos);
      }
      if (allocatedBytes >= 0) {
        allocated[index].record(allocatedBytes);
      }
      long hash =
          (bucket << 32) | (Murmur3.hash32(0x9747b28c, spec.effectiveSalt(), unitId) & 0xffffffffL);
      if (seen.add(hash)) {
        units[index].record(durationNanos);
      }
    }
  }
}
