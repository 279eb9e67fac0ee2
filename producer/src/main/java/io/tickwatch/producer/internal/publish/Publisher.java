package io.tickwatch.producer.internal.publish;

import io.tickwatch.avro.SampleBatch;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher thread: takes batches from the {@link OutboundBuffer}, serializes them and sends
 * them with the one {@link Producer} it owns. No other thread touches the producer (Kafka's own
 * callbacks run on its I/O thread and only update counters). Never throws.
 */
public final class Publisher implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  private static final long POLL_MILLIS = 50;
  private static final long PRODUCER_RETRY_MILLIS = 1000;

  private final OutboundBuffer buffer;
  private final PublishStats stats;
  private final String topic;
  private final String key;
  private final Serializer<SampleBatch> serializer;
  private final Function<Map<String, Object>, Producer<String, byte[]>> producerFactory;
  private final Map<String, Object> producerConfig;
  private final Duration producerCloseTimeout;
  private final Runnable onProducerCreated;
  private final Set<SendCallback> outstanding = ConcurrentHashMap.newKeySet();
  private static final long MAX_BACKOFF_MILLIS = 5000;

  /** Failed sends in a row (reset by a delivery); drives the send backoff while Kafka is down. */
  private volatile int failureStreak;

  private volatile long lastFailureNanos;
  private volatile boolean closing;
  private volatile boolean finished;
  private Producer<String, byte[]> producer;
  private long nextProducerAttemptNanos;
  private long producerFailures;

  /**
   * Creates the publisher.
   *
   * @param onProducerCreated called on the publisher thread after the producer was created (for
   *     example to find the producer's own threads for CPU accounting)
   */
  public Publisher(
      OutboundBuffer buffer,
      PublishStats stats,
      String topic,
      String key,
      Serializer<SampleBatch> serializer,
      Function<Map<String, Object>, Producer<String, byte[]>> producerFactory,
      Map<String, Object> producerConfig,
      Duration producerCloseTimeout,
      Runnable onProducerCreated) {
    this.buffer = buffer;
    this.stats = stats;
    this.topic = topic;
    this.key = key;
    this.serializer = serializer;
    this.producerFactory = producerFactory;
    this.producerConfig = Map.copyOf(producerConfig);
    this.producerCloseTimeout = producerCloseTimeout;
    this.onProducerCreated = onProducerCreated;
  }

  @Override
  public void run() {
    try {
      while (!closing) {
        try {
          if (!ensureProducer()) {
            waitBriefly();
            continue;
          }
          if (backingOff()) {
            // Kafka is failing: leave batches queued (the buffer drops the oldest when full)
            waitBriefly();
            continue;
          }
          OutboundBuffer.Pending pending = buffer.take(POLL_MILLIS);
          if (pending != null && !closing) {
            send(pending.batch());
          } else if (pending != null) {
            stats.dropped.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (Throwable t) {
          LOG.warn("publisher loop error", t);
        }
      }
    } finally {
      shutDown();
    }
  }

  /** Asks the loop to stop; the thread then discards the queue and closes the producer. */
  public void requestClose() {
    closing = true;
    buffer.wakeUp();
    synchronized (this) {
      notifyAll();
    }
  }

  /** Whether the thread has closed the producer and settled every batch. */
  public boolean finished() {
    return finished;
  }

  /** Sends still waiting for Kafka's answer. */
  public int inFlight() {
    return outstanding.size();
  }

  /**
   * Settles whatever is still unsettled as dropped (used when the thread did not finish in time).
   */
  public void abandonOutstanding() {
    for (SendCallback callback : outstanding) {
      callback.settle(false, null);
    }
    buffer.discardQueued();
  }

  private boolean ensureProducer() {
    if (producer != null) {
      return true;
    }
    long now = System.nanoTime();
    if (now - nextProducerAttemptNanos < 0) {
      return false;
    }
    try {
      producer = producerFactory.apply(producerConfig);
      onProducerCreated.run();
      return true;
    } catch (Throwable t) {
      nextProducerAttemptNanos = now + PRODUCER_RETRY_MILLIS * 1_000_000L;
      if (Long.bitCount(++producerFailures) == 1) {
        LOG.warn(
            "cannot create Kafka producer yet ({} attempts): {}; retrying",
            producerFailures,
            t.toString());
      }
      return false;
    }
  }

  private boolean backingOff() {
    int streak = failureStreak;
    if (streak == 0) {
      return false;
    }
    long backoffMillis = Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(streak - 1, 6));
    return System.nanoTime() - lastFailureNanos < backoffMillis * 1_000_000L;
  }

  private void waitBriefly() throws InterruptedException {
    synchronized (this) {
      if (!closing) {
        wait(POLL_MILLIS);
      }
    }
  }

  private void send(SampleBatch batch) {
    byte[] value;
    try {
      value = serializer.serialize(topic, batch);
    } catch (Throwable t) {
      long errors = stats.serializationErrors.incrementAndGet();
      stats.dropped.incrementAndGet();
      if (Long.bitCount(errors) == 1) {
        // 1st, 2nd, 4th, 8th ... failure: visible without flooding the game server's log
        LOG.warn(
            "cannot serialize sample batch {} ({} failures so far): {}",
            batch.getSequence(),
            errors,
            t.toString());
      }
      return;
    }
    if (value == null || !buffer.startFlight(value.length)) {
      stats.dropped.incrementAndGet();
      return;
    }
    SendCallback callback = new SendCallback(value.length);
    outstanding.add(callback);
    try {
      producer.send(new ProducerRecord<>(topic, key, value), callback);
    } catch (Throwable t) {
      callback.settle(false, t);
    }
  }

  private void shutDown() {
    try {
      buffer.discardQueued();
      if (producer != null) {
        try {
          producer.close(producerCloseTimeout);
        } catch (Throwable t) {
          LOG.warn("closing the Kafka producer failed", t);
        }
      }
      // anything Kafka did not answer before close returned is lost
      abandonOutstanding();
    } finally {
      finished = true;
    }
  }

  private final class SendCallback implements Callback {
    private final int bytes;
    private final AtomicBoolean settled = new AtomicBoolean();

    SendCallback(int bytes) {
      this.bytes = bytes;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      settle(exception == null, exception);
    }

    void settle(boolean delivered, Throwable error) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      outstanding.remove(this);
      buffer.endFlight(bytes);
      if (delivered) {
        failureStreak = 0;
        stats.delivered.incrementAndGet();
      } else {
        lastFailureNanos = System.nanoTime();
        failureStreak = failureStreak + 1;
        stats.dropped.incrementAndGet();
        if (error != null) {
          stats.sendErrors.incrementAndGet();
          LOG.debug("sample batch send failed: {}", error.toString());
        }
      }
    }
  }
}
