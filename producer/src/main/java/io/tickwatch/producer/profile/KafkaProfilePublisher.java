package io.tickwatch.producer.profile;

import io.tickwatch.avro.ProfileChunk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes reports to {@code tickwatch.profiles} through a {@link ProfileSpool}: {@link #accept}
 * writes the report's chunks to the spool and wakes the publisher thread, which sends every spooled
 * report (all its chunks keyed by the profile id, so they stay in order on one partition) and
 * deletes the file once Kafka acknowledged every chunk. While Kafka is unreachable the files wait
 * and the thread retries with exponential back-off ({@code retryMin} to {@code retryMax}); reports
 * spooled by an earlier run are sent after the next start.
 *
 * <p>Delivery is at least once: a report whose acknowledgement was lost is sent again, and readers
 * ({@code ProfileReassembler}) keep one copy of each chunk. Nothing here runs on a game thread;
 * {@link #accept} does file I/O on the caller's (profiler) thread.
 */
public final class KafkaProfilePublisher implements ProfileSink, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaProfilePublisher.class);
  private static final long ACK_TIMEOUT_MILLIS = 30_000;

  private final ProfileSpool spool;
  private final String topic;
  private final Serializer<ProfileChunk> serializer;
  private final Function<Map<String, Object>, Producer<String, byte[]>> producerFactory;
  private final Map<String, Object> producerConfig;
  private final Duration producerCloseTimeout;
  private final long retryMinMillis;
  private final long retryMaxMillis;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private Producer<String, byte[]> producer;
  private Thread thread;
  private boolean wakeUp;
  private volatile boolean closing;

  /**
   * @param serializer serializer of chunks (Avro in the Confluent wire format), or null to keep
   *     reports in the spool only
   */
  public KafkaProfilePublisher(
      ProfileSpool spool,
      String topic,
      Serializer<ProfileChunk> serializer,
      Function<Map<String, Object>, Producer<String, byte[]>> producerFactory,
      Map<String, Object> producerConfig,
      Duration producerCloseTimeout,
      Duration retryMin,
      Duration retryMax) {
    this.spool = spool;
    this.topic = topic;
    this.serializer = serializer;
    this.producerFactory = producerFactory;
    this.producerConfig = Map.copyOf(producerConfig);
    this.producerCloseTimeout = producerCloseTimeout;
    this.retryMinMillis = Math.max(1, retryMin.toMillis());
    this.retryMaxMillis = Math.max(retryMinMillis, retryMax.toMillis());
  }

  /** Starts the publisher thread; {@code onThread} sees it (for CPU accounting). */
  public synchronized void start(String threadName, Consumer<Thread> onThread) {
    if (thread != null || serializer == null) {
      if (serializer == null) {
        LOG.warn("no serializer for profile chunks: reports stay in {}", spool.directory());
      }
      return;
    }
    thread = new Thread(this, threadName);
    thread.setDaemon(true);
    thread.start();
    onThread.accept(thread);
  }

  @Override
  public void accept(ProfileReport report) {
    try {
      Path file = spool.write(report.toChunks());
      LOG.info("profile {} spooled to {}", report.profileId(), file);
      wake();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot spool profile {}: report lost", report.profileId(), e);
    }
  }

  /** Reports acknowledged by Kafka. */
  public long delivered() {
    return delivered.get();
  }

  /** Send attempts that failed (a report is retried until it is sent). */
  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Stops the thread within about {@code timeout}; unsent reports stay in the spool. */
  public void close(Duration timeout) {
    closing = true;
    wake();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(Math.max(1, timeout.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void run() {
    long backoff = retryMinMillis;
    try {
      while (!closing) {
        boolean ok = sendSpooled();
        backoff = ok ? retryMinMillis : Math.min(retryMaxMillis, backoff * 2);
        await(ok ? retryMaxMillis : backoff);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      LOG.warn("profile publisher stopped", t);
    } finally {
      if (producer != null) {
        try {
          producer.close(producerCloseTimeout);
        } catch (Throwable t) {
          LOG.debug("closing the profile producer failed", t);
        }
      }
    }
  }

  /** Sends every spooled report, oldest first; false at the first failure. */
  private boolean sendSpooled() {
    List<Path> files;
    try {
      files = spool.pending();
    } catch (IOException e) {
      LOG.warn("cannot list the profile spool {}: {}", spool.directory(), e.toString());
      return false;
    }
    for (Path file : files) {
      if (closing) {
        return true;
      }
      List<ProfileChunk> chunks;
      try {
        chunks = spool.read(file);
      } catch (IOException | RuntimeException e) {
        LOG.warn("dropping unreadable spooled profile {}: {}", file, e.toString());
        spool.delete(file);
        continue;
      }
      if (!send(chunks)) {
        return false;
      }
      spool.delete(file);
      delivered.incrementAndGet();
      LOG.info("profile {} published ({} chunks)", chunks.get(0).getProfileId(), chunks.size());
    }
    return true;
  }

  private boolean send(List<ProfileChunk> chunks) {
    try {
      if (producer == null) {
        producer = producerFactory.apply(producerConfig);
      }
      List<Future<RecordMetadata>> acks = new ArrayList<>(chunks.size());
      for (ProfileChunk chunk : chunks) {
        byte[] value = serializer.serialize(topic, chunk);
        acks.add(producer.send(new ProducerRecord<>(topic, chunk.getProfileId(), value)));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get(ACK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Throwable t) {
      failedAttempts.incrementAndGet();
      LOG.debug("profile not sent yet: {}", t.toString());
      return false;
    }
  }

  private synchronized void wake() {
    wakeUp = true;
    notifyAll();
  }

  private synchronized void await(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (!wakeUp && !closing) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    wakeUp = false;
  }
}
