package io.tickwatch.alerting.service;

import io.tickwatch.alerting.AlertingConfig;
import io.tickwatch.alerting.action.ClosedLoop;
import io.tickwatch.alerting.lifecycle.AlertChangeListener;
import io.tickwatch.alerting.lifecycle.AlertEngine;
import io.tickwatch.alerting.notify.ReceiverFanOut;
import io.tickwatch.alerting.pipeline.AlertPipeline;
import io.tickwatch.alerting.silence.Silence;
import io.tickwatch.alerting.silence.SilenceJson;
import io.tickwatch.alerting.silence.Silencer;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the service and its single loop thread: restore on start, then poll anomalies →
 * pipeline → flush state → commit offsets.
 *
 * <p>Delivery guarantee: an alert is recorded as notified ({@code lastNotifiedAtMillis}) only after
 * a receiver confirmed delivery, and that state is flushed to {@code tickwatch.alerts} before the
 * anomaly offsets are committed. After a crash the restored state therefore never claims a
 * notification that was not delivered (no loss); a notification delivered but not yet recorded is
 * sent again with the same dedup and notification keys (at-least-once, duplicates detectable by the
 * receiver). A clean {@link #close()} applies finished deliveries and flushes, so a planned restart
 * sends nothing twice.
 */
public final class AlertingRuntime implements AlertingHttpApi.Backend, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertingRuntime.class);
  private static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(2);

  private final AlertingConfig config;
  private final InstantSource clock;
  private final Silencer silencer;
  private final SchemaRegistryClient registry;
  private final KafkaProducer<String, Object> producer;
  private final KafkaConsumer<String, AnomalyEvent> consumer;
  private final KafkaProducer<String, String> silenceProducer;
  private final AlertHistory history;
  private final ActionLog actionLog = new ActionLog(1000);
  private final ClosedLoop closedLoop;
  private final KafkaAlertPublisher publisher;
  private final AlertEngine engine;
  private final AlertPipeline pipeline;
  private final ReceiverFanOut fanOut;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final Thread loop;
  private volatile boolean running;
  private volatile List<Alert> snapshot = List.of();

  private AlertingRuntime(
      AlertingConfig config,
      InstantSource clock,
      Silencer silencer,
      Function<AlertChangeListener, AlertEngine> engineFactory,
      Function<AlertEngine, AlertPipeline> pipelineFactory,
      ReceiverFanOut fanOut) {
    this.config = config;
    this.clock = clock;
    this.silencer = silencer;
    this.fanOut = fanOut;
    this.registry = new RestSchemaRegistryClient(config.schemaRegistryUrl());
    Map<String, Object> producerProps = config.kafka().base();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-producer");
    this.producer =
        new KafkaProducer<>(
            producerProps, new StringSerializer(), new AvroSerializer<Object>(registry));
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-silences");
    this.silenceProducer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    Map<String, Object> consumerProps = config.kafka().base();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.autoOffsetReset());
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // the anomaly app writes in exactly-once transactions: never alert on an aborted event
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-anomalies");
    this.consumer =
        new KafkaConsumer<>(
            consumerProps,
            new StringDeserializer(),
            new AvroDeserializer<>(registry, AnomalyEvent.class));
    this.history = new AlertHistory(config.historyPerAlert());
    this.publisher = new KafkaAlertPublisher(producer, history);
    this.closedLoop =
        new ClosedLoop(
            config.actions(),
            new KafkaActionSink(producer, actionLog),
            clock,
            () -> java.util.UUID.randomUUID().toString());
    this.engine = engineFactory.apply(new BothListeners(publisher, closedLoop));
    this.pipeline = pipelineFactory.apply(engine);
    this.loop = new Thread(this::run, "alerting-loop");
    this.loop.setDaemon(true);
  }

  /** Builds the clients (nothing is read or sent until {@link #start()}). */
  public static AlertingRuntime create(
      AlertingConfig config,
      InstantSource clock,
      Silencer silencer,
      Function<AlertChangeListener, AlertEngine> engineFactory,
      Function<AlertEngine, AlertPipeline> pipelineFactory,
      ReceiverFanOut fanOut) {
    return new AlertingRuntime(config, clock, silencer, engineFactory, pipelineFactory, fanOut);
  }

  /** Restores from {@code tickwatch.alert-history} and {@code tickwatch.alerts}, then loops. */
  public void start() {
    restore();
    running = true;
    consumer.subscribe(List.of(Topics.ANOMALIES.name()));
    loop.start();
  }

  private void restore() {
    int[] transitions = {0};
    readAll(
        Topics.ALERT_HISTORY.name(),
        new AvroDeserializer<>(registry, AlertTransition.class),
        (k, t) -> {
          if (t != null) {
            history.add(t);
            transitions[0]++;
          }
        });
    readAll(
        Topics.ACTIONS.name(),
        new AvroDeserializer<>(registry, ActionAudit.class),
        (k, a) -> {
          if (a != null) {
            actionLog.add(a);
            closedLoop.restore(a);
          }
        });
    Map<String, String> silences = new LinkedHashMap<>();
    readAll(
        Topics.SILENCES.name(),
        new StringDeserializer(),
        (k, json) -> {
          if (json == null) {
            silences.remove(k);
          } else {
            silences.put(k, json);
          }
        });
    for (String json : silences.values()) {
      try {
        silencer.add(SilenceJson.read(json));
      } catch (IllegalArgumentException e) {
        LOG.warn("skipping unreadable silence: {}", e.getMessage());
      }
    }
    Map<String, Alert> latest = new LinkedHashMap<>();
    readAll(
        Topics.ALERTS.name(),
        new AvroDeserializer<>(registry, Alert.class),
        (k, a) -> {
          if (a == null) {
            latest.remove(k);
          } else {
            latest.put(k, a);
          }
        });
    for (Alert a : latest.values()) {
      engine.restore(a, history.nextSequence(a.getFingerprint()));
    }
    history.nextSequences().forEach(engine::restoreSequence);
    snapshot = engine.alerts();
    LOG.info(
        "alerting restored {} alerts, {} silences and {} history entries from Kafka",
        latest.size(),
        silences.size(),
        transitions[0]);
  }

  private <V> void readAll(String topic, Deserializer<V> deserializer, BiConsumer<String, V> sink) {
    Map<String, Object> props = config.kafka().base();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-restore");
    try (KafkaConsumer<String, V> c =
        new KafkaConsumer<>(props, new StringDeserializer(), deserializer)) {
      List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        LOG.warn("topic {} does not exist; nothing to restore", topic);
        return;
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      long deadline = System.nanoTime() + RESTORE_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "restoring " + topic + " took longer than " + RESTORE_TIMEOUT);
        }
        try {
          for (ConsumerRecord<String, V> r : c.poll(Duration.ofMillis(200))) {
            sink.accept(r.key(), r.value());
          }
        } catch (RecordDeserializationException e) {
          LOG.warn("skipping undecodable record in {} at {}", topic, e.offset());
          c.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
  }

  private void run() {
    while (running) {
      try {
        ConsumerRecords<String, AnomalyEvent> records;
        try {
          records = consumer.poll(config.tick());
        } catch (RecordDeserializationException e) {
          LOG.warn("skipping undecodable anomaly at {} {}", e.topicPartition(), e.offset());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          continue;
        }
        for (ConsumerRecord<String, AnomalyEvent> r : records) {
          if (r.value() != null) {
            try {
              pipeline.ingest(r.value());
            } catch (RuntimeException e) {
              LOG.warn(
                  "could not process anomaly at {}-{}@{}", r.topic(), r.partition(), r.offset(), e);
            }
          }
        }
        Runnable command;
        while ((command = commands.poll()) != null) {
          command.run();
        }
        pipeline.tick();
        for (String id : silencer.purge(clock.millis(), Duration.ofDays(1).toMillis())) {
          persistSilence(id, null);
        }
        snapshot = engine.alerts();
        int failuresBefore = publisher.failures();
        publisher.flush();
        if (publisher.failures() != failuresBefore) {
          // some state did not reach Kafka: do not commit, rewind to the committed offsets so the
          // anomalies are folded in again and their state rewritten
          LOG.warn(
              "alert state not fully written; re-reading anomalies from the committed offsets");
          rewindToCommitted();
        } else if (!records.isEmpty()) {
          try {
            consumer.commitSync();
          } catch (CommitFailedException e) {
            LOG.warn("offset commit failed (rebalance); the anomalies will be read again");
          }
        }
      } catch (WakeupException e) {
        break;
      } catch (RuntimeException e) {
        LOG.error("alerting loop iteration failed; continuing", e);
      }
    }
  }

  private void rewindToCommitted() {
    var assignment = consumer.assignment();
    var committed = consumer.committed(assignment);
    for (TopicPartition tp : assignment) {
      var offset = committed.get(tp);
      if (offset != null) {
        consumer.seek(tp, offset.offset());
      } else if (config.autoOffsetReset().equals("earliest")) {
        consumer.seekToBeginning(List.of(tp));
      }
    }
  }

  @Override
  public List<Alert> alerts() {
    return snapshot;
  }

  @Override
  public List<AlertTransition> history(String fingerprint) {
    return history.of(fingerprint);
  }

  @Override
  public List<AlertTransition> recentHistory(int limit) {
    return history.recent(limit);
  }

  @Override
  public List<ActionAudit> actions(String fingerprintOrNull) {
    return actionLog.of(fingerprintOrNull);
  }

  /** Publishes first, then lets the closed loop act on the same change. */
  private record BothListeners(AlertChangeListener first, AlertChangeListener second)
      implements AlertChangeListener {
    @Override
    public void onAlert(Alert alert) {
      first.onAlert(alert);
      try {
        second.onAlert(alert);
      } catch (RuntimeException e) {
        LOG.warn("closed loop failed on alert {}", alert.getFingerprint(), e);
      }
    }

    @Override
    public void onRemoved(String fingerprint) {
      first.onRemoved(fingerprint);
      second.onRemoved(fingerprint);
    }

    @Override
    public void onTransition(AlertTransition transition) {
      first.onTransition(transition);
      second.onTransition(transition);
    }
  }

  @Override
  public void addSilence(Silence silence) {
    silencer.add(silence);
    persistSilence(silence.id(), SilenceJson.write(silence));
  }

  @Override
  public boolean expireSilence(String id) {
    if (!silencer.expire(id, clock.millis())) {
      return false;
    }
    silencer.get(id).ifPresent(s -> persistSilence(id, SilenceJson.write(s)));
    return true;
  }

  /** Writes a silence (or a tombstone) and waits for the broker, so an API 2xx means persisted. */
  private void persistSilence(String id, String json) {
    try {
      silenceProducer
          .send(new ProducerRecord<>(Topics.SILENCES.name(), id, json))
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while persisting silence " + id, e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("could not persist silence " + id + ": " + e, e);
    }
  }

  @Override
  public Silencer silencer() {
    return silencer;
  }

  @Override
  public CompletableFuture<Boolean> acknowledge(String fingerprint, String by, String comment) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    commands.add(
        () -> {
          try {
            result.complete(pipeline.acknowledge(fingerprint, by, comment));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  @Override
  public void close() {
    boolean wasRunning = running;
    running = false;
    if (wasRunning) {
      consumer.wakeup();
      try {
        loop.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    fanOut.close();
    if (wasRunning && !loop.isAlive()) {
      try {
        pipeline.drainCompletions();
        snapshot = engine.alerts();
        publisher.flush();
      } catch (RuntimeException e) {
        LOG.warn("final flush of the alert state failed", e);
      }
    }
    closeQuietly(consumer);
    closeQuietly(producer);
    closeQuietly(silenceProducer);
    closeQuietly(registry);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("close of {} failed: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}
