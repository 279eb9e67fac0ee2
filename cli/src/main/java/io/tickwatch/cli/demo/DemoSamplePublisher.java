package io.tickwatch.cli.demo;

import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERIM demo publisher, to be replaced by the real agent ({@code io.tickwatch.producer}): N
 * simulated hosts, each publishing one {@link SampleBatch} of 100 one-millisecond samples every 100
 * ms to {@code tickwatch.samples}, keyed by host id, through the real {@link AvroSerializer} and
 * schema registry.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} (idempotent) flushes and stops. Counters
 * are safe to read from any thread.
 */
public final class DemoSamplePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSamplePublisher.class);
  private static final String[] REGIONS = {"eu-west", "us-east", "ap-south"};

  private final String bootstrapServers;
  private final SchemaRegistryClient registryClient;
  private final List<SyntheticHost> hosts = new ArrayList<>();
  private final InstantSource clock;
  private final AtomicLong batchesSent = new AtomicLong();
  private final AtomicLong batchesAcked = new AtomicLong();
  private final AtomicLong sendErrors = new AtomicLong();
  private final int hostCount;
  private ScheduledExecutorService scheduler;
  private Producer<String, SampleBatch> producer;

  /** Cumulative counters since start. */
  public record Counters(long batchesSent, long batchesAcked, long sendErrors) {}

  /**
   * @param hostCount number of simulated hosts, 1..1000; ids are {@code demo-host-1..N}
   */
  public DemoSamplePublisher(
      String bootstrapServers,
      SchemaRegistryClient registryClient,
      int hostCount,
      InstantSource clock) {
    if (hostCount < 1 || hostCount > 1_000) {
      throw new IllegalArgumentException("host count must be in 1..1000, was " + hostCount);
    }
    this.bootstrapServers = bootstrapServers;
    this.registryClient = registryClient;
    this.hostCount = hostCount;
    this.clock = clock;
  }

  /** Creates the producer and starts publishing every 100 ms. */
  public void start() {
    long startMillis = clock.millis() / 100 * 100;
    for (int i = 1; i <= hostCount; i++) {
      hosts.add(
          new SyntheticHost(
              "demo-host-" + i, 1_000L + i, startMillis, REGIONS[i % REGIONS.length]));
    }
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG,
            "tickwatch-demo-publisher",
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    producer =
        new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer<>(registryClient));
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "tickwatch-demo-publisher");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleAtFixedRate(this::publishAll, 0, 100, TimeUnit.MILLISECONDS);
    LOG.info("Interim demo publisher started: {} simulated host(s)", hostCount);
  }

  public int hostCount() {
    return hostCount;
  }

  public Counters counters() {
    return new Counters(batchesSent.get(), batchesAcked.get(), sendErrors.get());
  }

  private void publishAll() {
    for (SyntheticHost host : hosts) {
      try {
        SampleBatch batch = host.nextBatch();
        producer.send(
            new ProducerRecord<>(Topics.SAMPLES.name(), host.hostId(), batch),
            (metadata, error) -> {
              if (error == null) {
                batchesAcked.incrementAndGet();
                host.acknowledged();
              } else {
                sendErrors.incrementAndGet();
                LOG.warn("Sample batch from {} not delivered: {}", host.hostId(), error.toString());
              }
            });
        batchesSent.incrementAndGet();
      } catch (RuntimeException e) {
        // never let one failure cancel the schedule
        sendErrors.incrementAndGet();
        LOG.warn("Could not publish a sample batch for {}", host.hostId(), e);
      }
    }
  }

  /** Stops the schedule, flushes and closes the producer. Idempotent. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }
}
