package io.tickwatch.alerting.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out stage: each receiver has its own single thread and bounded queue, so a slow or failing
 * receiver delays only its own notifications. When a receiver's queue is full the notification is
 * rejected for that receiver at once (and logged) instead of blocking the caller. Thread-safe;
 * {@link #close()} stops every thread.
 */
public final class ReceiverFanOut implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverFanOut.class);

  private final Map<String, Notifier> receivers = new LinkedHashMap<>();
  private final Map<String, ThreadPoolExecutor> executors = new LinkedHashMap<>();

  /**
   * @param notifiers one per receiver name (usually a retry and rate-limit stage around an
   *     integration)
   * @param queueCapacity notifications that may wait per receiver
   */
  public ReceiverFanOut(List<Notifier> notifiers, int queueCapacity) {
    this(notifiers, name -> queueCapacity);
  }

  /**
   * @param queueCapacityByName notifications that may wait, per receiver name
   */
  public ReceiverFanOut(
      List<Notifier> notifiers, java.util.function.ToIntFunction<String> queueCapacityByName) {
    for (Notifier n : notifiers) {
      if (receivers.put(n.name(), n) != null) {
        throw new IllegalArgumentException("duplicate receiver name " + n.name());
      }
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(queueCapacityByName.applyAsInt(n.name())),
              r -> {
                Thread t = new Thread(r, "alerting-notify-" + n.name());
                t.setDaemon(true);
                return t;
              });
      executors.put(n.name(), executor);
    }
  }

  /** Receiver names. */
  public List<String> receiverNames() {
    return List.copyOf(receivers.keySet());
  }

  /**
   * Queues the notification for each of its receivers; the future completes with every receiver's
   * result once all are done. An unknown receiver name yields REJECTED for that name.
   */
  public CompletableFuture<Map<String, DeliveryResult>> send(Notification notification) {
    Map<String, CompletableFuture<DeliveryResult>> futures = new LinkedHashMap<>();
    for (String name : notification.receivers()) {
      futures.put(name, submit(name, notification));
    }
    return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              Map<String, DeliveryResult> results = new LinkedHashMap<>();
              futures.forEach((k, f) -> results.put(k, f.join()));
              return results;
            });
  }

  private CompletableFuture<DeliveryResult> submit(String name, Notification notification) {
    Notifier notifier = receivers.get(name);
    if (notifier == null) {
      return CompletableFuture.completedFuture(
          DeliveryResult.rejected(0, "unknown receiver " + name));
    }
    CompletableFuture<DeliveryResult> future = new CompletableFuture<>();
    try {
      executors
          .get(name)
          .execute(
              () -> {
                try {
                  DeliveryResult r = notifier.deliver(notification);
                  if (!r.delivered()) {
                    LOG.warn(
                        "receiver {}: notification {} not delivered: {} {}",
                        name,
                        notification.groupKey(),
                        r.outcome(),
                        r.detail());
                  }
                  future.complete(r);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  future.complete(DeliveryResult.retryable(0, null, "interrupted"));
                } catch (Throwable t) {
                  LOG.warn("receiver {} failed: {}", name, t.getClass().getSimpleName());
                  future.complete(DeliveryResult.retryable(0, null, t.getClass().getSimpleName()));
                }
              });
    } catch (RejectedExecutionException e) {
      LOG.warn("receiver {}: queue full, notification {} dropped", name, notification.groupKey());
      future.complete(DeliveryResult.rejected(0, "queue full"));
    }
    return future;
  }

  @Override
  public void close() {
    executors.values().forEach(ThreadPoolExecutor::shutdownNow);
    for (ThreadPoolExecutor e : executors.values()) {
      try {
        if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
          LOG.warn("a notifier thread did not stop within 5 s");
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
