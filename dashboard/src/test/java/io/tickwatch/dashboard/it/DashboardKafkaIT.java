package io.tickwatch.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.StartProfiling;
import io.tickwatch.dashboard.Await;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.dashboard.SseReader;
import io.tickwatch.dashboard.TestHttp;
import io.tickwatch.schemas.avro.ExampleRecords;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real records in the real topics of an in-JVM KRaft broker, read back over the dashboard's HTTP
 * API and its SSE stream; a control action is read back from {@code tickwatch.control}.
 */
class DashboardKafkaIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static KafkaTestCluster kafka;
  private static InMemorySchemaRegistryClient registry;
  private static KafkaProducer<String, SpecificRecord> producer;
  private static DashboardServer dashboard;
  private static TestHttp http;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaTestCluster.start();
    registry = new InMemorySchemaRegistryClient();
    kafka.createCatalogueTopics(
        List.of(
            Topics.STATS,
            Topics.STATS_LIVE,
            Topics.ALERTS,
            Topics.ACTIONS,
            Topics.EXPERIMENTS,
            Topics.AB_RESULTS,
            Topics.PROFILES,
            Topics.SAMPLES,
            Topics.CONTROL));
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                0),
            new StringSerializer(),
            new AvroSerializer<>(registry));
    DashboardConfig config =
        DashboardConfig.fromMap(
            Map.of(
                DashboardConfig.PORT, "0",
                DashboardConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                DashboardConfig.SSE_FLUSH_MILLIS, "100"));
    dashboard = DashboardServer.create(config, java.time.InstantSource.system(), registry);
    dashboard.start();
    http = new TestHttp(dashboard.url());
    Await.until(
        "the feed assigned every topic",
        () -> {
          try {
            return http.get("/health").body().contains("\"feed\":\"UP\"");
          } catch (Exception e) {
            return false;
          }
        });
  }

  @AfterAll
  static void stop() {
    if (dashboard != null) {
      dashboard.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static void send(TopicSpec<?> topic, String key, SpecificRecord value) throws Exception {
    producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
  }

  static RollingStats stats(
      String host,
      String metric,
      Map<String, String> labels,
      long startMillis,
      double mean,
      double p99,
      double rate) {
    return RollingStats.newBuilder()
        .setHostId(host)
        .setCluster("eu-1")
        .setMetric(metric)
        .setLabels(labels)
        .setWindowStartMillis(Instant.ofEpochMilli(startMillis))
        .setWindowEndMillis(Instant.ofEpochMilli(startMillis + 1000))
        .setWindowSizeMillis(1000)
        .setCount(1000)
        .setSum(mean * 1000)
        .setMean(mean)
        .setMin(0)
        .setMax(p99 * 2)
        .setStddev(1.0)
        .setRatePerSecond(rate)
        .setP50(mean)
        .setP95(p99)
        .setP99(p99)
        .setP999(p99)
        .setSketch(
            QuantileSketch.newBuilder()
                .setRelativeAccuracy(0.01)
                .setZeroCount(0)
                .setIndexOffset(0)
                .setCounts(List.of())
                .build())
        .setHostCount(host == null ? 3 : 1)
        .setFinalResult(false)
        .build();
  }

  private static JsonNode getJson(String path) throws Exception {
    var response = http.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void shouldServeLiveStatsOverHttpAndSse() throws Exception {
    long window = (System.currentTimeMillis() / 1000) * 1000;
    try (SseReader sse = new SseReader(http.client(), dashboard.url() + "/api/v1/stream")) {
      assertThat(sse.status()).isEqualTo(200);
      Await.until("SSE hello", () -> sse.comments().contains("connected"));
      send(
          Topics.STATS_LIVE,
          "host-1/cpu.process.percent",
          stats("host-1", "cpu.process.percent", Map.of(), window, 42.5, 80, 0));
      send(
          Topics.STATS_LIVE,
          "host-1/players.active",
          stats("host-1", "players.active", Map.of(), window, 120, 120, 0));
      send(
          Topics.STATS_LIVE,
          "host-1/tick.duration",
          stats("host-1", "tick.duration", Map.of(), window, 9000, 16_000, 0));
      send(
          Topics.STATS_LIVE,
          "host-1/action.latency{action=move}",
          stats("host-1", "action.latency", Map.of("action", "move"), window, 3000, 25_000, 0));
      send(
          Topics.STATS_LIVE,
          "host-1/frame.drops",
          stats("host-1", "frame.drops", Map.of(), window, 0.01, 1, 7));
      send(
          Topics.STATS,
          "*/tick.duration",
          stats(null, "tick.duration", Map.of(), window, 9000, 18_000, 0));

      Await.until(
          "a live stats event of host-1's CPU",
          () ->
              sse.events("stats").stream()
                  .anyMatch(
                      e ->
                          e.data().contains("\"host\":\"host-1\"")
                              && e.data().contains("cpu.process.percent")));
      JsonNode event =
          JSON.readTree(
              sse.events("stats").stream()
                  .filter(e -> e.data().contains("cpu.process.percent"))
                  .findFirst()
                  .orElseThrow()
                  .data());
      assertThat(event.path("resolution").asText()).isEqualTo("1s");
      assertThat(event.path("t").asLong()).isEqualTo(window);
      assertThat(event.path("mean").asDouble()).isEqualTo(42.5);
      Await.until(
          "the labelled latency series",
          () ->
              sse.events("stats").stream().anyMatch(e -> e.data().contains("\"action\":\"move\"")));
    }

    JsonNode overview = getJson("/api/v1/overview");
    JsonNode host = overview.path("hosts").get(0);
    assertThat(host.path("hostId").asText()).isEqualTo("host-1");
    assertThat(host.path("cpuPercent").asDouble()).isEqualTo(42.5);
    assertThat(host.path("activePlayers").asDouble()).isEqualTo(120);
    assertThat(host.path("tickP99Millis").asDouble()).isEqualTo(16.0);
    assertThat(host.path("latencyP99Millis").asDouble()).isEqualTo(25.0);
    assertThat(host.path("frameDropsPerSecond").asDouble()).isEqualTo(7);
    assertThat(host.path("lastSeenMillis").asLong()).isEqualTo(window + 1000);
    JsonNode fleet = overview.path("fleet");
    assertThat(fleet.path("tickP99Millis").asDouble()).isEqualTo(18.0);
    assertThat(fleet.path("activePlayers").asDouble()).isEqualTo(120);

    JsonNode series =
        getJson("/api/v1/series?host=host-1&metric=cpu.process.percent&resolution=1s");
    assertThat(series.path("t").get(0).asLong()).isEqualTo(window);
    assertThat(series.path("mean").get(0).asDouble()).isEqualTo(42.5);
    assertThat(series.path("p99").get(0).asDouble()).isEqualTo(80);
    assertThat(series.path("unit").asText()).isEqualTo("%");
    JsonNode labelled =
        getJson("/api/v1/series?host=host-1&metric=action.latency&labels=action%3Dmove");
    assertThat(labelled.path("p99").get(0).asDouble()).isEqualTo(25_000);

    assertThat(getJson("/api/v1/hosts").get(0).path("cluster").asText()).isEqualTo("eu-1");
    assertThat(getJson("/api/v1/metrics-catalog").toString())
        .contains("cpu.process.percent")
        .contains("tick.duration");

    String metrics = http.get("/metrics").body();
    assertThat(metrics)
        .contains(
            "tickwatch_rolling_mean{host=\"host-1\",metric=\"cpu.process.percent\",series_labels=\"\"} 42.5")
        .contains(
            "tickwatch_rolling_p99{host=\"host-1\",metric=\"action.latency\",series_labels=\"action=move\"} 25000");
  }

  @Test
  void shouldServeAlertsExperimentsAndProfiles() throws Exception {
    Alert alert =
        Alert.newBuilder(ExampleRecords.alert())
            .setFingerprint("fp-it-1")
            .setHostId("host-2")
            .setState(AlertState.FIRING)
            .setLabels(
                Map.of("alertname", "TickSpike", "host", "host-2", "metric", "tick.duration"))
            .setAnnotations(Map.of("summary", "tick p99 3x baseline"))
            .setAcknowledgement(null)
            .build();
    ActionAudit action =
        ActionAudit.newBuilder(ExampleRecords.actionAudit())
            .setAlertFingerprint("fp-it-1")
            .setHostId("host-2")
            .build();
    Experiment experiment = ExampleRecords.experiment();
    AbResult result = ExampleRecords.abResult();
    byte[] report = gzip("main;Game.tick;Physics.step 30\nmain;Game.tick;Net.read 10\n");
    ProfileChunk head =
        ProfileChunk.newBuilder(ExampleRecords.profileChunk())
            .setProfileId("prof-it-1")
            .setAlertFingerprint("fp-it-1")
            .setChunkIndex(0)
            .setChunkCount(2)
            .setPayload(ByteBuffer.wrap(report, 0, report.length / 2))
            .build();
    ProfileChunk tail =
        ProfileChunk.newBuilder(head)
            .setChunkIndex(1)
            .setSummary(null)
            .setPayload(
                ByteBuffer.wrap(
                    java.util.Arrays.copyOfRange(report, report.length / 2, report.length)))
            .build();

    try (SseReader sse = new SseReader(http.client(), dashboard.url() + "/api/v1/stream")) {
      Await.until("SSE hello", () -> sse.comments().contains("connected"));
      send(Topics.ALERTS, "fp-it-1", alert);
      send(Topics.ACTIONS, "host-2", action);
      send(Topics.EXPERIMENTS, experiment.getExperimentId(), experiment);
      send(Topics.AB_RESULTS, result.getExperimentId(), result);
      send(Topics.PROFILES, "prof-it-1", head);
      send(Topics.PROFILES, "prof-it-1", tail);
      Await.until("alert event", () -> !sse.events("alert").isEmpty());
      Await.until("ab-result event", () -> !sse.events("ab-result").isEmpty());
      Await.until("profile event", () -> !sse.events("profile").isEmpty());
      assertThat(sse.events("alert").get(0).data()).contains("fp-it-1");
      assertThat(sse.events("profile").get(0).data()).contains("prof-it-1");
    }

    JsonNode alerts = getJson("/api/v1/alerts");
    JsonNode a = alerts.get(0);
    assertThat(a.path("fingerprint").asText()).isEqualTo("fp-it-1");
    assertThat(a.path("state").asText()).isEqualTo("FIRING");
    assertThat(a.path("metric").asText()).isEqualTo("tick.duration");
    assertThat(a.path("summary").asText()).isEqualTo("tick p99 3x baseline");
    assertThat(a.path("acknowledged").asBoolean()).isFalse();
    assertThat(a.path("actions").get(0).path("action").asText()).isEqualTo("SHED_LOAD");
    assertThat(a.path("profileId").asText()).isEqualTo("prof-it-1");

    JsonNode experiments = getJson("/api/v1/experiments");
    assertThat(experiments.get(0).path("experimentId").asText())
        .isEqualTo(experiment.getExperimentId());
    assertThat(experiments.get(0).path("latest").path("verdict").asText())
        .isEqualTo(result.getVerdict().name());
    JsonNode results = getJson("/api/v1/experiments/" + experiment.getExperimentId() + "/results");
    assertThat(results).hasSize(1);

    JsonNode profiles = getJson("/api/v1/profiles");
    assertThat(profiles.get(0).path("profileId").asText()).isEqualTo("prof-it-1");
    assertThat(profiles.get(0).path("topMethods").get(0).path("method").asText())
        .isEqualTo("com.example.game.Physics.step");
    JsonNode profile = getJson("/api/v1/profiles/prof-it-1");
    JsonNode flame = profile.path("flame");
    assertThat(flame.path("name").asText()).isEqualTo("all");
    assertThat(flame.path("value").asLong()).isEqualTo(40);
    JsonNode tick = child(child(flame, "main"), "Game.tick");
    assertThat(tick.path("value").asLong()).isEqualTo(40);
    assertThat(child(tick, "Physics.step").path("value").asLong()).isEqualTo(30);
    assertThat(child(tick, "Net.read").path("value").asLong()).isEqualTo(10);

    assertThat(http.get("/metrics").body())
        .contains("tickwatch_dashboard_alerts{state=\"firing\",severity=\"critical\"} 1");
  }

  @Test
  void shouldPublishControlCommandsWithTheToken() throws Exception {
    var response =
        http.post(
            "/api/v1/control/profile",
            "{\"hostId\":\"host-7\",\"durationMillis\":20000,\"samplingIntervalMillis\":10,"
                + "\"by\":\"alice\",\"alertFingerprint\":\"fp-it-7\"}",
            Map.of(
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + dashboard.token(),
                "Origin",
                dashboard.url()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String commandId = JSON.readTree(response.body()).path("commandId").asText();

    try (KafkaConsumer<String, ControlCommand> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new AvroDeserializer<>(registry, ControlCommand.class))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CONTROL.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, ControlCommand>> seen = new ArrayList<>();
      Await.until(
          "the command in tickwatch.control",
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> r.value().getCommandId().equals(commandId));
          });
      ConsumerRecord<String, ControlCommand> record =
          seen.stream().filter(r -> r.value().getCommandId().equals(commandId)).findFirst().get();
      assertThat(record.key()).isEqualTo("host-7");
      ControlCommand command = record.value();
      assertThat(command.getIssuer()).isEqualTo("dashboard:alice");
      assertThat(command.getPayloadType()).isEqualTo("StartProfiling");
      assertThat(((StartProfiling) command.getPayload()).getDurationMillis()).isEqualTo(20_000);
      assertThat(command.getAlertFingerprint()).isEqualTo("fp-it-7");
    }

    try (KafkaConsumer<String, ActionAudit> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            new AvroDeserializer<>(registry, ActionAudit.class))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.ACTIONS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ActionAudit> audits = new ArrayList<>();
      Await.until(
          "the audit entry in tickwatch.actions",
          () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> audits.add(r.value()));
            return audits.stream().anyMatch(a -> commandId.equals(a.getCommandId()));
          });
      ActionAudit audit =
          audits.stream().filter(a -> commandId.equals(a.getCommandId())).findFirst().get();
      assertThat(audit.getAction().name()).isEqualTo("START_PROFILING");
      assertThat(audit.getOutcome().name()).isEqualTo("ISSUED");
      assertThat(audit.getActor()).isEqualTo("dashboard:alice");
      assertThat(audit.getAlertFingerprint()).isEqualTo("fp-it-7");
      assertThat(audit.getParameters()).containsEntry("durationMillis", "20000");
    }

    var refused =
        http.post(
            "/api/v1/control/shed",
            "{\"hostId\":\"host-7\",\"fraction\":0.3}",
            Map.of("Content-Type", "application/json"));
    assertThat(refused.statusCode()).isEqualTo(401);
  }

  private static JsonNode child(JsonNode node, String name) {
    for (JsonNode c : node.path("children")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no child " + name + " in " + node);
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
