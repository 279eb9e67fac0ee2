package io.tickwatch.alerting.pipeline;

import io.tickwatch.alerting.dispatch.Dispatcher;
import io.tickwatch.alerting.lifecycle.AlertEngine;
import io.tickwatch.alerting.notify.DeliveryResult;
import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.AnomalyEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one thread: anomalies → {@link AlertEngine} (lifecycle, mutes) → {@link
 * Dispatcher} (groups, timers) → a {@link Sender} (the fan-out). Delivery results come back on the
 * receivers' threads and are applied to the engine on the next {@link #tick()}, in this thread:
 * only then is an alert recorded as notified (at-least-once).
 *
 * <p>Not thread-safe except for the completion queue: the service loop (or a test) calls {@link
 * #ingest}, {@link #acknowledge} and {@link #tick} from one thread.
 */
public final class AlertPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);

  /** Sends a notification to its receivers; the future completes with each receiver's result. */
  @FunctionalInterface
  public interface Sender {
    CompletableFuture<Map<String, DeliveryResult>> send(Notification notification);
  }

  private record Completion(Notification notification, Map<String, DeliveryResult> results) {}

  private final AlertEngine engine;
  private final Dispatcher dispatcher;
  private final Sender sender;
  private final Consumer<Notification> onSent;
  private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();

  /**
   * @param onSent called (on this pipeline's thread) for every notification handed to the sender,
   *     for example to trigger closed-loop actions; may be a no-op
   */
  public AlertPipeline(
      AlertEngine engine, Dispatcher dispatcher, Sender sender, Consumer<Notification> onSent) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.onSent = Objects.requireNonNull(onSent, "onSent");
  }

  public AlertEngine engine() {
    return engine;
  }

  public void ingest(AnomalyEvent event) {
    engine.ingest(event);
  }

  public boolean acknowledge(String fingerprint, String by, String comment) {
    return engine.acknowledge(fingerprint, by, comment);
  }

  /**
   * Applies finished deliveries, runs the engine's timers, and sends whatever notifications are
   * due.
   */
  public void tick() {
    applyCompletions();
    engine.evaluate();
    List<Alert> alerts = engine.alerts();
    for (Alert a : alerts) {
      if (a.getState() != AlertState.PENDING) {
        engine.assignGroup(a.getFingerprint(), dispatcher.groupKeyOf(a));
      }
    }
    for (Notification n : dispatcher.dispatch(engine.alerts())) {
      onSent.accept(n);
      CompletableFuture<Map<String, DeliveryResult>> future;
      try {
        future = sender.send(n);
      } catch (RuntimeException e) {
        LOG.warn("could not hand notification {} to the receivers", n.groupKey(), e);
        future = CompletableFuture.completedFuture(Map.of());
      }
      future.whenComplete(
          (results, error) ->
              completions.add(new Completion(n, results == null ? Map.of() : results)));
    }
    applyCompletions();
  }

  /** Applies finished deliveries without dispatching anything new (used on shutdown). */
  public void drainCompletions() {
    applyCompletions();
  }

  private void applyCompletions() {
    Completion c;
    while ((c = completions.poll()) != null) {
      List<String> delivered =
          c.results().entrySet().stream()
              .filter(e -> e.getValue().delivered())
              .map(Map.Entry::getKey)
              .toList();
      if (!delivered.isEmpty()) {
        engine.markNotified(
            c.notification().alerts(),
            String.join(",", delivered),
            c.notification().createdAtMillis());
      } else {
        LOG.warn(
            "notification {} reached no receiver; retried at the next group interval",
            c.notification().groupKey());
      }
      dispatcher.completed(c.notification().groupKey());
    }
  }
}
