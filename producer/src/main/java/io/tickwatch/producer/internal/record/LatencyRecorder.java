package io.tickwatch.producer.internal.record;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A latency series recorded from any number of threads: one {@link LatencyCell} per writer thread,
 * created and registered on that thread's first record (the only allocation), found afterwards
 * through a {@link ThreadLocal}. Callers that record from one thread in a loop can fetch their cell
 * once with {@link #cellForCurrentThread()} and skip the lookup.
 */
public final class LatencyRecorder {

  private final NanosBucketIndex index;
  private final CopyOnWriteArrayList<LatencyCell> cells = new CopyOnWriteArrayList<>();
  private final ThreadLocal<LatencyCell> local = ThreadLocal.withInitial(this::newCell);

  /** Creates a recorder whose buckets use {@code index}. */
  public LatencyRecorder(NanosBucketIndex index) {
    this.index = index;
  }

  /** Records one duration for the calling thread. Wait-free after the thread's first call. */
  public void record(long nanos) {
    local.get().record(nanos);
  }

  /** The calling thread's cell, created on first use. */
  public LatencyCell cellForCurrentThread() {
    return local.get();
  }

  NanosBucketIndex index() {
    return index;
  }

  List<LatencyCell> cells() {
    return cells;
  }

  void retire(LatencyCell cell) {
    cells.remove(cell);
  }

  private LatencyCell newCell() {
    LatencyCell cell = new LatencyCell(index, Thread.currentThread());
    cells.add(cell);
    return cell;
  }
}
