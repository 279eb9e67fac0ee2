package io.tickwatch.producer.control;

import io.tickwatch.avro.ControlCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control listener thread: owns one consumer, assigns every partition of the control topic,
 * starts at the end and dispatches what it reads. Retries quietly while Kafka is unreachable. Never
 * throws; {@link #requestClose()} wakes it up from any thread.
 */
public final class ControlListener implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ControlListener.class);
  private static final Duration POLL = Duration.ofMillis(1000);
  private static final Duration CLOSE = Duration.ofMillis(300);

  private final String topic;
  private final Function<Map<String, Object>, Consumer<String, byte[]>> consumerFactory;
  private final Map<String, Object> consumerConfig;
  private final Deserializer<ControlCommand> deserializer;
  private final ControlDispatcher dispatcher;
  private final Runnable onConsumerCreated;
  private volatile boolean closing;
  private volatile Consumer<String, byte[]> consumer;
  private volatile long malformed;
  private volatile long dispatched;

  /** Creates the listener; {@code run()} on a dedicated thread. */
  public ControlListener(
      String topic,
      Function<Map<String, Object>, Consumer<String, byte[]>> consumerFactory,
      Map<String, Object> consumerConfig,
      Deserializer<ControlCommand> deserializer,
      ControlDispatcher dispatcher,
      Runnable onConsumerCreated) {
    this.topic = topic;
    this.consumerFactory = consumerFactory;
    this.consumerConfig = Map.copyOf(consumerConfig);
    this.deserializer = deserializer;
    this.dispatcher = dispatcher;
    this.onConsumerCreated = onConsumerCreated;
  }

  @Override
  public void run() {
    try {
      consumer = consumerFactory.apply(consumerConfig);
      onConsumerCreated.run();
      if (closing) {
        return;
      }
      while (!closing && !assign()) {
        pause();
      }
      while (!closing) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          handle(record);
        }
      }
    } catch (WakeupException e) {
      // close requested
    } catch (Throwable t) {
      if (!closing) {
        LOG.warn("control listener stopped", t);
      }
    } finally {
      Consumer<String, byte[]> c = consumer;
      if (c != null) {
        try {
          c.close(CLOSE);
        } catch (Throwable t) {
          LOG.debug("closing the control consumer failed", t);
        }
      }
    }
  }

  /** Stops the loop; the thread closes its consumer. */
  public void requestClose() {
    closing = true;
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      try {
        c.wakeup();
      } catch (Throwable ignored) {
        // best effort
      }
    }
    synchronized (this) {
      notifyAll();
    }
  }

  /** Records that could not be decoded. */
  public long malformed() {
    return malformed;
  }

  /** Records decoded and dispatched. */
  public long dispatched() {
    return dispatched;
  }

  void handle(ConsumerRecord<String, byte[]> record) {
    ControlCommand command;
    try {
      command = deserializer.deserialize(record.topic(), record.value());
    } catch (Throwable t) {
      malformed++;
      LOG.warn(
          "skipping malformed control record at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          t.toString());
      return;
    }
    dispatched++;
    dispatcher.dispatch(command);
  }

  private boolean assign() {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(1));
      if (infos == null || infos.isEmpty()) {
        return false;
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      for (TopicPartition partition : partitions) {
        consumer.position(partition, Duration.ofSeconds(5));
      }
      LOG.info("listening on {} ({} partitions)", topic, partitions.size());
      return true;
    } catch (WakeupException e) {
      throw e;
    } catch (Throwable t) {
      LOG.debug("control topic not reachable yet: {}", t.toString());
      return false;
    }
  }

  private synchronized void pause() throws InterruptedException {
    if (!closing) {
      wait(500);
    }
  }
}
