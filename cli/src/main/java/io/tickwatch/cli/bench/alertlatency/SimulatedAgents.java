package io.tickwatch.cli.bench.alertlatency;

import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerializer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Game servers publishing in real time, as the agent does: every 100 ms each host sends one {@link
 * SampleBatch} of 100 one-millisecond slots, when the interval ends. The one series is {@code
 * action.latency{action=bench}} in microseconds (a gauge per slot: ~10 ms normally, {@value
 * #ANOMALOUS_MICROS} µs inside an {@link Incident}).
 */
final class SimulatedAgents implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgents.class);

  static final int SLOTS = 100;
  static final String METRIC = "action.latency";
  static final double ANOMALOUS_MICROS = 500_000;

  private final List<String> hosts;
  private final Map<String, Incident> incidents = new ConcurrentHashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private final SplittableRandom random = new SplittableRandom(42);
  private final String topic;
  private final AvroSerializer<SampleBatch> serializer;
  private final KafkaProducer<String, byte[]> producer;
  private final InstantSource clock;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private volatile Throwable failure;

  SimulatedAgents(
      List<String> hosts,
      String bootstrapServers,
      String topic,
      SchemaRegistryClient registry,
      InstantSource clock) {
    this.hosts = List.copyOf(hosts);
    this.topic = topic;
    this.clock = clock;
    this.serializer = new AvroSerializer<>(registry);
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "tickwatch-bench-alert-agents");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.thread = new Thread(this::run, "tickwatch-bench-alert-agents");
    this.thread.setDaemon(true);
  }

  /** Makes {@code incident}'s host anomalous during its interval (set it before its onset). */
  void inject(Incident incident) {
    incidents.put(incident.hostId(), incident);
  }

  void start() {
    thread.start();
  }

  /** The publishing thread's failure, if it died. */
  Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      long slot = (clock.millis() / SLOTS + 1) * SLOTS;
      while (!stop.get()) {
        long sendAt = slot + SLOTS;
        long wait = sendAt - clock.millis();
        if (wait > 0) {
          TimeUnit.MILLISECONDS.sleep(wait);
        }
        for (String host : hosts) {
          byte[] payload = serializer.serialize(topic, batch(host, slot));
          producer.send(new ProducerRecord<>(topic, null, sendAt, host, payload));
        }
        producer.flush();
        slot += SLOTS;
        long behind = clock.millis() - (slot + SLOTS);
        if (behind > 1000) {
          // fell behind (a stall): skip ahead rather than publish a burst of old batches
          slot = (clock.millis() / SLOTS) * SLOTS;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("Simulated agents failed", e);
      failure = e;
    }
  }

  /** One host's batch for the 100 ms starting at {@code startMillis}. */
  SampleBatch batch(String host, long startMillis) {
    Incident incident = incidents.get(host);
    List<Double> values = new ArrayList<>(SLOTS);
    for (int k = 0; k < SLOTS; k++) {
      boolean anomalous = incident != null && incident.covers(startMillis + k);
      values.add(
          anomalous
              ? ANOMALOUS_MICROS
              : Math.rint(Math.max(1_000, 10_000 + random.nextGaussian() * 2_000)));
    }
    long sequence = sequences.merge(host, 1L, Long::sum) - 1;
    return SampleBatch.newBuilder()
        .setHostId(host)
        .setCluster("bench")
        .setAgentRunId("bench-alert-latency")
        .setSequence(sequence)
        .setStartTimeMillis(java.time.Instant.ofEpochMilli(startMillis))
        .setSampleIntervalMicros(1000)
        .setSampleCount(SLOTS)
        .setSeries(
            List.of(
                MetricSeries.newBuilder()
                    .setName(METRIC)
                    .setLabels(Map.of("action", "bench"))
                    .setValues(values)
                    .build()))
        .build();
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join(10_000);
    producer.close(java.time.Duration.ofSeconds(10));
  }
}
