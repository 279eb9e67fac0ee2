package io.tickwatch.dashboard.sse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans events out to many SSE clients without ever blocking the publisher.
 *
 * <p>Lifecycle: {@link #start} begins flushing every {@code flushInterval}; {@link #close}
 * disconnects every client and stops the threads. Thread-safe.
 */
public final class EventHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  private static final byte[] HELLO =
      "retry: 2000\n: connected\n\n".getBytes(StandardCharsets.UTF_8);

  private final Duration flushInterval;
  private final long heartbeatNanos;
  private final int queueBatches;
  private final int maxClients;
  private final Set<SseSubscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService flusher;
  private final ExecutorService writers;
  private final Object lock = new Object();
  private Map<String, String> pending = new LinkedHashMap<>();
  private long ordinal;
  private long lastWriteNanos = System.nanoTime();
  private final AtomicLong eventsPublished = new AtomicLong();
  private final AtomicLong clientsDropped = new AtomicLong();
  private final AtomicLong batchesSent = new AtomicLong();

  /**
   * @param flushInterval how often pending events are sent (at most 1 s behind)
   * @param heartbeatInterval a comment is sent when nothing was sent for this long
   * @param queueBatches per-client queue bound, in batches
   * @param maxClients clients accepted at most
   */
  public EventHub(
      Duration flushInterval, Duration heartbeatInterval, int queueBatches, int maxClients) {
    this.flushInterval = flushInterval;
    this.heartbeatNanos = heartbeatInterval.toNanos();
    this.queueBatches = queueBatches;
    this.maxClients = maxClients;
    this.flusher = Executors.newSingleThreadScheduledExecutor(daemon("tickwatch-sse-flush"));
    // a cached pool: a client whose socket blocks a write holds one thread, never the others'
    // turn; threads exist only while writes are in flight (at most one per client)
    this.writers = Executors.newCachedThreadPool(daemon("tickwatch-sse-write"));
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts the periodic flush. */
  public void start() {
    long period = flushInterval.toMillis();
    flusher.scheduleAtFixedRate(this::flushSafely, period, period, TimeUnit.MILLISECONDS);
  }

  /** Queues an event for the next flush; events are sent in publication order. */
  public void publish(String event, String json) {
    synchronized (lock) {
      pending.put("#" + ordinal++, frame(event, json));
    }
    eventsPublished.incrementAndGet();
  }

  /**
   * Queues an event that replaces a pending one with the same key (for example newer values of the
   * same series window), keeping the first one's position.
   */
  public void publishCoalesced(String key, String event, String json) {
    synchronized (lock) {
      pending.put(key, frame(event, json));
    }
    eventsPublished.incrementAndGet();
  }

  private static String frame(String event, String json) {
    return "event: " + event + "\ndata: " + json + "\n\n";
  }

  /**
   * Adds a client; it first receives a {@code retry} hint and a comment.
   *
   * @return false when {@code maxClients} are connected (the caller answers 503)
   */
  public boolean subscribe(SseSink sink) {
    if (subscribers.size() >= maxClients) {
      return false;
    }
    SseSubscriber[] holder = new SseSubscriber[1];
    SseSubscriber subscriber =
        new SseSubscriber(sink, queueBatches, writers, () -> subscribers.remove(holder[0]));
    holder[0] = subscriber;
    subscribers.add(subscriber);
    subscriber.offer(HELLO);
    return true;
  }

  private void flushSafely() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("SSE flush failed", e);
    }
  }

  /** Sends the pending events (or a heartbeat when due) to every client now. */
  void flush() {
    List<String> frames;
    synchronized (lock) {
      if (pending.isEmpty()) {
        frames = List.of();
      } else {
        frames = new ArrayList<>(pending.values());
        pending = new LinkedHashMap<>();
      }
    }
    long now = System.nanoTime();
    String text;
    if (!frames.isEmpty()) {
      StringBuilder out = new StringBuilder();
      frames.forEach(out::append);
      text = out.toString();
    } else if (now - lastWriteNanos >= heartbeatNanos) {
      text = ": heartbeat\n\n";
    } else {
      return;
    }
    lastWriteNanos = now;
    byte[] batch = text.getBytes(StandardCharsets.UTF_8);
    batchesSent.incrementAndGet();
    for (SseSubscriber subscriber : subscribers) {
      if (!subscriber.offer(batch) && !subscriber.closed()) {
        clientsDropped.incrementAndGet();
        LOG.info("Dropping a slow SSE client (queue of {} batches full)", queueBatches);
        subscriber.close();
      }
    }
  }

  /** Connected clients. */
  public int clients() {
    return subscribers.size();
  }

  /** Clients disconnected because they were too slow. */
  public long clientsDropped() {
    return clientsDropped.get();
  }

  /** Events published (before coalescing). */
  public long eventsPublished() {
    return eventsPublished.get();
  }

  /** Batches flushed to clients. */
  public long batchesSent() {
    return batchesSent.get();
  }

  /** Disconnects every client and stops the flush and writer threads. */
  @Override
  public void close() {
    flusher.shutdownNow();
    for (SseSubscriber subscriber : subscribers) {
      subscriber.close();
    }
    writers.shutdownNow();
    try {
      writers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
