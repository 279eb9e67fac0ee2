package io.tickwatch.dashboard.sse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SSE client: a bounded queue of encoded batches drained by the writer pool. */
final class SseSubscriber {

  private static final Logger LOG = LoggerFactory.getLogger(SseSubscriber.class);

  private final SseSink sink;
  private final BlockingQueue<byte[]> queue;
  private final Executor writers;
  private final Runnable onClosed;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  SseSubscriber(SseSink sink, int capacity, Executor writers, Runnable onClosed) {
    this.sink = sink;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writers = writers;
    this.onClosed = onClosed;
  }

  /** Queues a batch; false (and nothing queued) when the queue is full or the client closed. */
  boolean offer(byte[] batch) {
    if (closed.get() || !queue.offer(batch)) {
      return false;
    }
    schedule();
    return true;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        writers.execute(this::drain);
      } catch (RuntimeException e) {
        scheduled.set(false);
        close();
      }
    }
  }

  private void drain() {
    try {
      byte[] first;
      while (!closed.get() && (first = queue.poll()) != null) {
        byte[] next = queue.poll();
        if (next == null) {
          sink.write(first);
          continue;
        }
        ByteArrayOutputStream combined = new ByteArrayOutputStream(first.length + next.length);
        combined.write(first);
        do {
          combined.write(next);
        } while ((next = queue.poll()) != null);
        sink.write(combined.toByteArray());
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("SSE client gone: {}", e.toString());
      close();
    } finally {
      scheduled.set(false);
    }
    if (!closed.get() && !queue.isEmpty()) {
      schedule();
    }
  }

  /** Disconnects the client; idempotent. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      try {
        sink.close();
      } finally {
        onClosed.run();
      }
    }
  }

  boolean closed() {
    return closed.get();
  }
}
