package io.tickwatch.cli.replay;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code --speed N}: a consumer interceptor on the replay's main consumer that holds each poll
 * until wall time has caught up with the records' time divided by {@code N}. The first record's
 * timestamp is pinned to the wall time of the first poll; a poll whose newest record lies {@code d}
 * ms later in record time returns no earlier than {@code d / N} ms after that wall time.
 *
 * <p>Record timestamps stand in for event time (the agent sends each batch right after its
 * interval). The wait per poll is capped at {@link #MAX_WAIT_MILLIS} so that the stream thread
 * stays inside {@code max.poll.interval.ms}; pacing catches up over the following polls.
 */
public final class ReplayThrottle implements ConsumerInterceptor<byte[], byte[]> {

  /** Consumer property with the speed factor (a positive number). */
  public static final String SPEED_CONFIG = "tickwatch.replay.speed";

  static final long MAX_WAIT_MILLIS = 10_000;

  private double speed = Double.POSITIVE_INFINITY;
  private long firstRecordMillis = Long.MIN_VALUE;
  private long firstWallNanos;

  @Override
  public void configure(Map<String, ?> configs) {
    Object value = configs.get(SPEED_CONFIG);
    if (value != null) {
      speed = Double.parseDouble(value.toString());
      if (!(speed > 0)) {
        throw new IllegalArgumentException(SPEED_CONFIG + " must be positive, was " + value);
      }
    }
  }

  @Override
  public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
    if (records.isEmpty() || Double.isInfinite(speed)) {
      return records;
    }
    long newest = Long.MIN_VALUE;
    long oldest = Long.MAX_VALUE;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      newest = Math.max(newest, record.timestamp());
      oldest = Math.min(oldest, record.timestamp());
    }
    long now = System.nanoTime();
    if (firstRecordMillis == Long.MIN_VALUE) {
      firstRecordMillis = oldest;
      firstWallNanos = now;
    }
    long waitMillis = waitMillis(firstRecordMillis, firstWallNanos, newest, now, speed);
    if (waitMillis > 0) {
      try {
        TimeUnit.MILLISECONDS.sleep(Math.min(waitMillis, MAX_WAIT_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return records;
  }

  /** How long to hold a poll whose newest record is {@code newestMillis}; 0 when on time. */
  static long waitMillis(
      long firstRecordMillis, long firstWallNanos, long newestMillis, long nowNanos, double speed) {
    double dueNanos = firstWallNanos + (newestMillis - firstRecordMillis) * 1_000_000.0 / speed;
    return Math.max(0, (long) ((dueNanos - nowNanos) / 1_000_000.0));
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

  @Override
  public void close() {}
}
