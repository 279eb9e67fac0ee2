package io.tickwatch.producer.internal.record;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A monotonic counter incremented from any number of threads through per-thread {@link
 * CounterCell}s; the reader sums the cells. Cells of ended threads are folded into a retired total.
 */
public final class CounterRecorder {

  private final CopyOnWriteArrayList<CounterCell> cells = new CopyOnWriteArrayList<>();
  private final ThreadLocal<CounterCell> local = ThreadLocal.withInitial(this::newCell);

  /** Sum of retired cells; sampler thread only. */
  private long retired;

  /** Adds {@code amount} for the calling thread. Wait-free after the thread's first call. */
  public void add(long amount) {
    local.get().add(amount);
  }

  /** The calling thread's cell. */
  public CounterCell cellForCurrentThread() {
    return local.get();
  }

  /** The total since creation. Reader (sampler) thread only. */
  public long readTotal() {
    long total = retired;
    for (CounterCell cell : cells) {
      boolean gone = cell.ownerGone();
      long value = cell.read();
      total += value;
      if (gone) {
        // the owner ended before this read, so value is final
        retired += value;
        cells.remove(cell);
      }
    }
    return total;
  }

  private CounterCell newCell() {
    CounterCell cell = new CounterCell(Thread.currentThread());
    cells.add(cell);
    return cell;
  }
}
