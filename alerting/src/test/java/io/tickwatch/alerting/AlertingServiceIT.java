package io.tickwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.alerting.notify.webhook.WebhookNotifier;
import io.tickwatch.alerting.notify.webhook.WebhookSignature;
import io.tickwatch.alerting.testing.AlertingStack;
import io.tickwatch.alerting.testing.Anomalies;
import io.tickwatch.alerting.testing.Await;
import io.tickwatch.alerting.testing.TestReceiver;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.Severity;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service on a real KRaft broker and the embedded registry, notifying a real HTTP receiver
 * through the signed webhook. Notifications are counted at the receiver by (dedup key, status) and
 * only those answered 200 count as delivered. The tests share the topics (each service reads the
 * anomalies from the start under its own group id), so each asserts only on its own hosts.
 */
class AlertingServiceIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String HMAC_KEY = "it-hmac-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AlertingStack stack;

  private TestReceiver receiver;

  @BeforeAll
  static void startKafka() {
    stack = AlertingStack.start();
  }

  @AfterAll
  static void stopKafka() {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void startReceiver() {
    receiver = new TestReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private AlertingConfig config(String groupId, int maxAttempts) {
    Map<String, String> m = new HashMap<>();
    m.put("bootstrap.servers", stack.bootstrapServers());
    m.put("schema.registry.url", stack.registryUrl());
    m.put("alerting.group.id", groupId);
    m.put("alerting.http.port", "0");
    m.put("alerting.tick", "100ms");
    m.put("alerting.keep-firing", "0s");
    m.put("alerting.group-wait", "200ms");
    m.put("alerting.group-interval", "1h");
    m.put("alerting.receivers", "hook");
    m.put("alerting.receiver.hook.type", "webhook");
    m.put("alerting.receiver.hook.url", receiver.url("/hook").toString());
    m.put("alerting.receiver.hook.hmac-key", HMAC_KEY);
    m.put("alerting.receiver.hook.max-attempts", Integer.toString(maxAttempts));
    return AlertingConfig.fromMap(m);
  }

  private static void send(AnomalyEvent event) {
    stack.send(event);
  }

  /** Delivered (answered 200) notifications about a host: "dedupKey status" per request. */
  private List<String> delivered(String host) {
    return receiver.requests().stream()
        .filter(r -> r.status() == 200)
        .map(r -> body(r.body()))
        .filter(b -> b.get("groupLabels").path("host").asText().equals(host))
        .map(b -> b.get("dedupKey").asText() + " " + b.get("status").asText())
        .toList();
  }

  private static JsonNode body(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldNotifyOnceAndNeitherLoseNorRepeatAcrossARestartMidIncident() throws Exception {
    AlertingConfig config = config("alerting-it-restart", 3);
    String fp1 = Anomalies.fingerprint("it-host-1", "tick.duration");
    try (AlertingService first = AlertingService.create(config).start()) {
      send(Anomalies.active("it-host-1", "tick.duration", Severity.CRITICAL, 1_000));
      Await.until("the firing notification", WAIT, () -> delivered("it-host-1").size() == 1);
      Await.until(
          "the delivery recorded in the alert",
          WAIT,
          () ->
              first.alerts().stream()
                  .anyMatch(a -> a.getFingerprint().equals(fp1) && a.getNotificationCount() == 1));
      TestReceiver.Request request = receiver.requests().get(0);
      assertThat(
              WebhookSignature.verify(
                  HMAC_KEY,
                  Long.parseLong(request.header(WebhookSignature.TIMESTAMP_HEADER)),
                  request.body(),
                  request.header(WebhookSignature.SIGNATURE_HEADER)))
          .isTrue();
      assertThat(body(request.body()).get("externalURL").asText())
          .isEqualTo("http://127.0.0.1:8080/?host=it-host-1");
    }

    // mid-incident restart: the incident goes on and a second host joins
    try (AlertingService second = AlertingService.create(config).start()) {
      Alert restored =
          second.alerts().stream()
              .filter(a -> a.getFingerprint().equals(fp1))
              .findFirst()
              .orElseThrow();
      assertThat(restored.getState()).isEqualTo(AlertState.FIRING);
      assertThat(restored.getLastNotifiedAtMillis()).isNotNull();

      send(Anomalies.active("it-host-1", "tick.duration", Severity.CRITICAL, 2_000));
      send(Anomalies.active("it-host-2", "tick.duration", Severity.WARNING, 2_000));
      Await.until("host-2's notification", WAIT, () -> delivered("it-host-2").size() == 1);
      send(Anomalies.recovered("it-host-1", "tick.duration", 3_000));
      Await.until(
          "host-1's resolution",
          WAIT,
          () -> delivered("it-host-1").stream().anyMatch(s -> s.endsWith(" resolved")));
      // an HTTP round trip on the loop proves every earlier delivery result was applied
      assertThat(get(second.url() + "/api/v1/alerts/" + fp1).statusCode()).isEqualTo(200);
    }

    List<String> host1 = delivered("it-host-1");
    String key = host1.get(0).split(" ")[0];
    assertThat(host1).containsExactly(key + " firing", key + " resolved");
    assertThat(delivered("it-host-2")).hasSize(1);
    Map<String, Long> byNotificationKey =
        receiver.requests().stream()
            .filter(r -> r.status() == 200)
            .filter(r -> r.body().contains("it-host-1") || r.body().contains("it-host-2"))
            .collect(
                Collectors.groupingBy(
                    r -> r.header(WebhookNotifier.NOTIFICATION_HEADER), Collectors.counting()));
    assertThat(byNotificationKey.values()).allMatch(n -> n == 1);
  }

  @Test
  void shouldDeliverAfterARestartWhatWasNotDeliveredBefore() {
    AlertingConfig config = config("alerting-it-undelivered", 1);
    receiver.otherwise(503);
    try (AlertingService first = AlertingService.create(config).start()) {
      send(Anomalies.active("it-host-3", "heap.used.bytes", Severity.WARNING, 1_000));
      Await.until(
          "the failed attempt",
          WAIT,
          () ->
              receiver.requests().stream()
                  .anyMatch(r -> r.status() == 503 && r.body().contains("it-host-3")));
    }
    assertThat(delivered("it-host-3")).isEmpty();
    receiver.otherwise(200);

    try (AlertingService second = AlertingService.create(config).start()) {
      Await.until("the delivery after restart", WAIT, () -> delivered("it-host-3").size() == 1);
    }
    assertThat(delivered("it-host-3")).hasSize(1);
  }

  @Test
  void shouldServeAlertsHistoryAndSilencesOverHttpAndKeepSilencesAcrossARestart() throws Exception {
    AlertingConfig config = config("alerting-it-http", 3);
    try (AlertingService service = AlertingService.create(config).start()) {
      send(Anomalies.active("it-host-4", "gc.pause", Severity.WARNING, 1_000));
      String fp = Anomalies.fingerprint("it-host-4", "gc.pause");
      Await.until("the alert", WAIT, () -> delivered("it-host-4").size() == 1);

      HttpResponse<String> alerts = get(service.url() + "/api/v1/alerts?state=firing");
      assertThat(alerts.statusCode()).isEqualTo(200);
      assertThat(alerts.body()).contains(fp);

      HttpResponse<String> ack =
          post(
              service.url() + "/api/v1/alerts/" + fp + "/ack",
              "{\"by\":\"alice\",\"comment\":\"mine\"}");
      assertThat(ack.statusCode()).isEqualTo(200);
      Await.until(
          "the acknowledgement in history",
          WAIT,
          () ->
              get(service.url() + "/api/v1/history?fingerprint=" + fp)
                  .body()
                  .contains("ACKNOWLEDGED"));

      HttpResponse<String> silence =
          post(
              service.url() + "/api/v1/silences",
              "{\"matchers\":[\"host=it-host-6\"],\"duration\":\"1h\",\"createdBy\":\"alice\"}");
      assertThat(silence.statusCode()).isEqualTo(201);
    }

    try (AlertingService restarted = AlertingService.create(config).start()) {
      assertThat(get(restarted.url() + "/api/v1/silences").body())
          .contains("host=\\\"it-host-6\\\"")
          .contains("\"active\"");
      send(Anomalies.active("it-host-6", "gc.pause", Severity.WARNING, 1_000));
      String fp6 = Anomalies.fingerprint("it-host-6", "gc.pause");
      Await.until(
          "the silenced alert",
          WAIT,
          () ->
              restarted.alerts().stream()
                  .anyMatch(
                      a ->
                          a.getFingerprint().equals(fp6)
                              && a.getState() == AlertState.FIRING
                              && !a.getSilencedBy().isEmpty()));
      // acknowledged before the restart, so still acknowledged
      assertThat(
              restarted.alerts().stream()
                  .filter(
                      a ->
                          a.getFingerprint().equals(Anomalies.fingerprint("it-host-4", "gc.pause")))
                  .findFirst()
                  .orElseThrow()
                  .getAcknowledgement())
          .isNotNull();
    }
    assertThat(delivered("it-host-6")).isEmpty();
  }

  @Test
  void shouldSendClosedLoopCommandsToTheHostsAgentAndRollBackOnResolve() throws Exception {
    try (AlertingService service = AlertingService.create(config("alerting-it-loop", 3)).start();
        KafkaConsumer<String, ControlCommand> agent = agent()) {
      send(Anomalies.event("it-host-5", "tick.duration", Severity.EMERGENCY, 0.97, true, 1_000));
      List<ControlCommand> commands = new ArrayList<>();
      Await.until(
          "profiling and load shedding",
          WAIT,
          () -> {
            agent.poll(Duration.ofMillis(100)).forEach(r -> commands.add(r.value()));
            return commands.stream().filter(c -> c.getTargetHostId().equals("it-host-5")).count()
                == 2;
          });
      send(Anomalies.recovered("it-host-5", "tick.duration", 2_000));
      Await.until(
          "the rollback",
          WAIT,
          () -> {
            agent.poll(Duration.ofMillis(100)).forEach(r -> commands.add(r.value()));
            return commands.stream().filter(c -> c.getTargetHostId().equals("it-host-5")).count()
                == 3;
          });

      assertThat(
              commands.stream()
                  .filter(c -> c.getTargetHostId().equals("it-host-5"))
                  .map(ControlCommand::getPayloadType))
          .containsExactly("StartProfiling", "ShedLoad", "RestoreLoad");
      String fp = Anomalies.fingerprint("it-host-5", "tick.duration");
      String actions = get(service.url() + "/api/v1/alerts/" + fp).body();
      assertThat(actions)
          .contains("START_PROFILING")
          .contains("SHED_LOAD")
          .contains("RESTORE_LOAD");
    }
  }

  private static KafkaConsumer<String, ControlCommand> agent() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-agent");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
    props.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    // the deserializer owns its registry client and closes it with the consumer
    KafkaConsumer<String, ControlCommand> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(Topics.CONTROL.name()));
    return consumer;
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
