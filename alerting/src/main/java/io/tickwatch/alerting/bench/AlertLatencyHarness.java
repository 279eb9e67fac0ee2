package io.tickwatch.alerting.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tickwatch.alerting.AlertingConfig;
import io.tickwatch.alerting.AlertingService;
import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.AnomalyEvidence;
import io.tickwatch.avro.Severity;
import io.tickwatch.schemas.http.JdkHttpServers;
import io.tickwatch.schemas.serde.AvroSerdeConfig;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the alerting stage's latency: from an anomaly's event time (set to the wall clock when
 * it is produced to {@code tickwatch.anomalies}) to the arrival of its notification at a local HTTP
 * webhook receiver, one incident (a new host) at a time, with the service's default settings (group
 * wait 1 s). A benchmark harness for {@code ./tickwatch bench}; it reads the wall clock on purpose.
 * The topics must exist.
 */
public final class AlertLatencyHarness {
  private static final Logger LOG = LoggerFactory.getLogger(AlertLatencyHarness.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Latencies in milliseconds, nearest-rank percentiles. */
  public record Result(int incidents, long p50Millis, long p99Millis, long maxMillis) {}

  private AlertLatencyHarness() {}

  /**
   * Runs {@code incidents} incidents against the cluster and returns the latency distribution.
   *
   * @param extraConfig alerting keys overriding the defaults (may be empty)
   * @param perIncidentTimeout give up when one notification takes longer
   */
  public static Result run(
      String bootstrapServers,
      String schemaRegistryUrl,
      int incidents,
      Map<String, String> extraConfig,
      Duration perIncidentTimeout)
      throws IOException, InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Long> arrivals = new ConcurrentHashMap<>();
    HttpServer receiver = JdkHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        ex -> {
          long now = System.currentTimeMillis();
          JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
          String host = body.path("groupLabels").path("host").asText();
          if (body.path("status").asText().equals("firing")) {
            arrivals.putIfAbsent(host, now);
          }
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
    Map<String, String> cfg = new HashMap<>();
    cfg.put("bootstrap.servers", bootstrapServers);
    cfg.put("schema.registry.url", schemaRegistryUrl);
    cfg.put("alerting.group.id", "tickwatch-alerting-bench-" + run);
    cfg.put("alerting.auto.offset.reset", "latest");
    cfg.put("alerting.http.port", "0");
    cfg.put("alerting.actions.enabled", "false");
    cfg.put("alerting.receivers", "bench");
    cfg.put("alerting.receiver.bench.type", "webhook");
    cfg.put(
        "alerting.receiver.bench.url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/bench");
    cfg.putAll(extraConfig);
    Map<String, Object> producerProps = new HashMap<>();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerProps.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
    try (AlertingService service = AlertingService.create(AlertingConfig.fromMap(cfg)).start();
        KafkaProducer<String, AnomalyEvent> producer = new KafkaProducer<>(producerProps)) {
      producer.partitionsFor(Topics.ANOMALIES.name());
      LOG.info("alert latency: service at {}, {} incidents", service.url(), incidents);
      warmUp(producer, run, arrivals, perIncidentTimeout.multipliedBy(4));
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < incidents; i++) {
        String host = "bench-" + run + "-" + i;
        long sentAt = System.currentTimeMillis();
        send(producer, host, sentAt);
        if (!awaitArrival(arrivals, host, perIncidentTimeout)) {
          throw new IllegalStateException(
              "incident " + i + " was not notified within " + perIncidentTimeout);
        }
        latencies.add(arrivals.get(host) - sentAt);
      }
      latencies.sort(null);
      Result result =
          new Result(
              incidents,
              rank(latencies, 0.50),
              rank(latencies, 0.99),
              latencies.get(latencies.size() - 1));
      LOG.info("alert latency over {} incidents: {}", incidents, result);
      return result;
    } finally {
      receiver.stop(0);
    }
  }

  /** Repeats a warm-up incident until one is notified: the consumer is then assigned. */
  private static void warmUp(
      KafkaProducer<String, AnomalyEvent> producer,
      String run,
      Map<String, Long> arrivals,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
      String host = "bench-" + run + "-warmup-" + attempt;
      send(producer, host, System.currentTimeMillis());
      if (awaitArrival(arrivals, host, Duration.ofSeconds(5))) {
        return;
      }
    }
    throw new IllegalStateException(
        "the alerting service did not start consuming within " + timeout);
  }

  private static boolean awaitArrival(Map<String, Long> arrivals, String host, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!arrivals.containsKey(host)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    return true;
  }

  private static void send(
      KafkaProducer<String, AnomalyEvent> producer, String host, long atMillis) {
    AnomalyEvent event =
        AnomalyEvent.newBuilder()
            .setFingerprint("bench-" + host)
            .setHostId(host)
            .setMetric("tick.duration")
            .setDetector("bench")
            .setSeverity(Severity.WARNING)
            .setScore(0.5)
            .setEventTimeMillis(Instant.ofEpochMilli(atMillis))
            .setEvidence(
                AnomalyEvidence.newBuilder().setValue(1).setBaseline(0).setThreshold(0.5).build())
            .build();
    producer.send(new ProducerRecord<>(Topics.ANOMALIES.name(), host, event));
    producer.flush();
  }

  private static long rank(List<Long> sorted, double q) {
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
