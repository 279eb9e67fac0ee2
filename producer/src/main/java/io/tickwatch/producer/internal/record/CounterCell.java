package io.tickwatch.producer.internal.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/** One writer thread's cumulative counter; single writer, opaque stores, padded. */
public final class CounterCell {

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(CounterCell.class, "value", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused")
  private long p01, p02, p03, p04, p05, p06, p07;

  private long value;

  @SuppressWarnings("unused")
  private long q01, q02, q03, q04, q05, q06, q07;

  private final WeakReference<Thread> owner;

  CounterCell(Thread owner) {
    this.owner = new WeakReference<>(owner);
  }

  /** Adds {@code amount}. Owner thread only; wait-free. */
  public void add(long amount) {
    VALUE.setOpaque(this, value + amount);
  }

  long read() {
    return (long) VALUE.getOpaque(this);
  }

  boolean ownerGone() {
    Thread thread = owner.get();
    return thread == null || !thread.isAlive();
  }
}
