package io.tickwatch.producer.experiment;

/**
 * One timed unit of work under an experiment's variant, from {@link ExperimentHandle#start} to
 * {@link #close()}. Use on one thread, in a try-with-resources block:
 *
 * <pre>{@code
 * try (UnitOfWork unit = experiment.start(playerId)) {
 *   if (unit.is("pooled")) { pooledPath(); } else { freshPath(); }
 * } // or unit.fail() in a catch block before the close
 * }</pre>
 *
 * <p>On close the wall-clock duration is recorded under the variant ({@code ab.latency}, or {@code
 * ab.errors} after {@link #fail()}), with the thread's CPU time and allocated bytes, and the unit
 * is counted once per agent in {@code ab.units}. Nothing is recorded while the experiment is not
 * running. The object is reused by the next unit of the same thread: do not keep it after close.
 */
public final class UnitOfWork implements AutoCloseable {

  private final ExperimentHandle owner;
  private ExperimentHandle.Definition definition;
  private String[] names;
  private CharSequence unitId;
  private int index;
  private long bucket;
  private long startNanos;
  private long startCpuNanos;
  private long startAllocatedBytes;
  private boolean failed;
  boolean open;

  UnitOfWork(ExperimentHandle owner) {
    this.owner = owner;
  }

  void begin(ExperimentHandle.Definition d, CharSequence unitId) {
    this.definition = d;
    this.unitId = unitId;
    this.failed = false;
    this.open = true;
    if (d == null) {
      index = -1;
      names = null;
      return;
    }
    names = d.names;
    index = d.control;
    boolean recording = d.spec.running() && unitId != null;
    if (recording) {
      try {
        bucket = d.assigner.bucket(unitId);
        index = d.assigner.variantIndexOfBucket(bucket);
      } catch (Throwable t) {
        recording = false;
      }
    }
    if (recording) {
      startCpuNanos = owner.metering.cpu() ? ResourceMeter.cpuNanos() : -1;
      startAllocatedBytes = owner.metering.allocation() ? ResourceMeter.allocatedBytes() : -1;
      startNanos = System.nanoTime();
    } else {
      this.definition = null;
    }
  }

  /** The experiment this unit belongs to. */
  public ExperimentHandle experiment() {
    return owner;
  }

  /** Index of the assigned variant, -1 while the experiment is unknown. */
  public int variantIndex() {
    return index;
  }

  /** Name of the assigned variant (control while not running), null while unknown. */
  public String variant() {
    String[] n = names;
    return n == null || index < 0 ? null : n[index];
  }

  /** True when the assigned variant is {@code name}. */
  public boolean is(String name) {
    String v = variant();
    return v != null && v.equals(name);
  }

  /** Marks this unit of work as failed: it is recorded in {@code ab.errors}. */
  public void fail() {
    failed = true;
  }

  /** Records the unit (once); never throws. */
  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    ExperimentHandle.Definition d = definition;
    definition = null;
    if (d == null) {
      return;
    }
    try {
      long duration = System.nanoTime() - startNanos;
      long cpu = startCpuNanos < 0 ? -1 : ResourceMeter.cpuNanos() - startCpuNanos;
      long allocated =
          startAllocatedBytes < 0 ? -1 : ResourceMeter.allocatedBytes() - startAllocatedBytes;
      d.finish(index, bucket, unitId, duration, failed, cpu, allocated);
    } catch (Throwable ignored) {
      // never throws into the game
    } finally {
      unitId = null;
    }
  }
}
