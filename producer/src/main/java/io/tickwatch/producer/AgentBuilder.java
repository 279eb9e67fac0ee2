package io.tickwatch.producer;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.producer.control.ControlHandler;
import io.tickwatch.producer.internal.collect.AllocationRateCollector;
import io.tickwatch.producer.internal.collect.GcCollector;
import io.tickwatch.producer.internal.collect.HeapCollector;
import io.tickwatch.producer.internal.collect.MemAvailableCollector;
import io.tickwatch.producer.internal.collect.MemoryUsedCollector;
import io.tickwatch.producer.internal.collect.NetDevCollector;
import io.tickwatch.producer.internal.collect.PerfCacheMissCollector;
import io.tickwatch.producer.internal.collect.ProcessCpuCollector;
import io.tickwatch.producer.internal.collect.RssCollector;
import io.tickwatch.producer.internal.collect.SystemCollector;
import io.tickwatch.producer.internal.collect.SystemCpuCollector;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.serde.AvroSerializer;
import io.tickwatch.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Configures a {@link TickwatchAgent}. Every setter returns this builder; {@link #build()}
 * validates everything at once and throws one {@link IllegalArgumentException} listing every
 * problem. Not thread-safe.
 */
public final class AgentBuilder {

  /** Most static tags an agent publishes. */
  public static final int MAX_TAGS = 32;

  private final String hostId;
  private String cluster = "";
  private final Map<String, String> tags = new LinkedHashMap<>();
  private String bootstrapServers;
  private String schemaRegistryUrl;
  private Serializer<SampleBatch> valueSerializer;
  private Deserializer<ControlCommand> controlDeserializer;
  private InstantSource clock = InstantSource.system();
  private Duration sampleInterval = Duration.ofMillis(1);
  private Duration publishInterval = Duration.ofMillis(100);
  private Duration tickBudget = Duration.ofNanos(1_000_000_000L / 60);
  private long bufferBytes = 4L << 20;
  private double relativeAccuracy = 0.01;
  private int maxLabelValues = 16;
  private int maxNames = 64;
  private String topic = Topics.SAMPLES.name();
  private String controlTopic = Topics.CONTROL.name();
  private boolean controlEnabled = true;
  private final Map<String, Object> producerOverrides = new HashMap<>();
  private final Map<String, Object> clientOverrides = new HashMap<>();
  private Function<Map<String, Object>, Producer<String, byte[]>> producerFactory =
      KafkaProducer::new;
  private Function<Map<String, Object>, Consumer<String, byte[]>> consumerFactory =
      KafkaConsumer::new;
  private Duration closeTimeout = Duration.ofMillis(1800);
  private boolean systemCollectors = true;
  private final List<SystemCollector> extraCollectors = new ArrayList<>();
  private boolean samplerThread = true;
  private final Map<Class<?>, ControlHandler> controlHandlers = new LinkedHashMap<>();
  private boolean profilerEnabled = true;
  private String profileTopic = Topics.PROFILES.name();
  private Serializer<ProfileChunk> profileSerializer;
  private Path profileSpoolDirectory;
  private String profileThreadFilter;

  AgentBuilder(String hostId) {
    this.hostId = hostId;
  }

  /** Logical cluster or fleet of the host. */
  public AgentBuilder cluster(String cluster) {
    this.cluster = cluster;
    return this;
  }

  /** Adds a static host tag (region, build, role); at most {@value #MAX_TAGS}. */
  public AgentBuilder tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  /** Adds static host tags. */
  public AgentBuilder tags(Map<String, String> more) {
    tags.putAll(more);
    return this;
  }

  /** Kafka bootstrap servers ({@code host:port,...}). */
  public AgentBuilder bootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    return this;
  }

  /**
   * URL of a Confluent-compatible schema registry; the agent then serializes batches with {@link
   * AvroSerializer} and decodes control commands with {@link AvroDeserializer}.
   */
  public AgentBuilder schemaRegistryUrl(String schemaRegistryUrl) {
    this.schemaRegistryUrl = schemaRegistryUrl;
    return this;
  }

  /** Serializer of the published batches (instead of a schema registry URL). */
  public AgentBuilder valueSerializer(Serializer<SampleBatch> serializer) {
    this.valueSerializer = serializer;
    return this;
  }

  /** Deserializer of control commands (instead of a schema registry URL). */
  public AgentBuilder controlDeserializer(Deserializer<ControlCommand> deserializer) {
    this.controlDeserializer = deserializer;
    return this;
  }

  /** Source of event time (batch start times, command expiry); defaults to the system clock. */
  public AgentBuilder clock(InstantSource clock) {
    this.clock = clock;
    return this;
  }

  /** Spacing of the samples; default 1 ms, at least 1 ms, a whole number of milliseconds. */
  public AgentBuilder sampleInterval(Duration sampleInterval) {
    this.sampleInterval = sampleInterval;
    return this;
  }

  /** One batch per this interval; default 100 ms; a multiple of the sample interval. */
  public AgentBuilder publishInterval(Duration publishInterval) {
    this.publishInterval = publishInterval;
    return this;
  }

  /** A tick longer than this is an overrun; default 1/60 s. */
  public AgentBuilder tickBudget(Duration tickBudget) {
    this.tickBudget = tickBudget;
    return this;
  }

  /** Bound of the outbound buffer (queued plus in-flight batches) in bytes; default 4 MiB. */
  public AgentBuilder bufferBytes(long bufferBytes) {
    this.bufferBytes = bufferBytes;
    return this;
  }

  /** Relative accuracy of the latency sketches; default 0.01. */
  public AgentBuilder relativeAccuracy(double relativeAccuracy) {
    this.relativeAccuracy = relativeAccuracy;
    return this;
  }

  /**
   * Distinct values per label before folding into {@code other}; default 16. Player actions keep
   * the {@link ActionType} labels on top of this bound.
   */
  public AgentBuilder maxLabelValues(int maxLabelValues) {
    this.maxLabelValues = maxLabelValues;
    return this;
  }

  /** Distinct custom timer, counter and gauge names (each); default 64. */
  public AgentBuilder maxNames(int maxNames) {
    this.maxNames = maxNames;
    return this;
  }

  /** Topic of the sample batches; default {@code tickwatch.samples}. */
  public AgentBuilder topic(String topic) {
    this.topic = topic;
    return this;
  }

  /** Topic of control commands; default {@code tickwatch.control}. */
  public AgentBuilder controlTopic(String controlTopic) {
    this.controlTopic = controlTopic;
    return this;
  }

  /** Whether to listen for control commands; default true. */
  public AgentBuilder controlEnabled(boolean enabled) {
    this.controlEnabled = enabled;
    return this;
  }

  /** Registers the handler of a control payload type, for example {@code ShedLoad.class}. */
  public AgentBuilder onControl(Class<?> payloadType, ControlHandler handler) {
    controlHandlers.put(payloadType, handler);
    return this;
  }

  /**
   * Whether the JFR profiler is available ({@link TickwatchAgent#profiler()}, {@code
   * StartProfiling} commands); default true. A disabled profiler refuses every session and records
   * no ticks.
   */
  public AgentBuilder profilerEnabled(boolean enabled) {
    this.profilerEnabled = enabled;
    return this;
  }

  /** Topic of profile reports; default {@code tickwatch.profiles}. */
  public AgentBuilder profileTopic(String profileTopic) {
    this.profileTopic = profileTopic;
    return this;
  }

  /**
   * Serializer of profile chunks; by default the registry-backed Avro serializer when a schema
   * registry URL is set. Without either, reports stay in the spool directory.
   */
  public AgentBuilder profileSerializer(Serializer<ProfileChunk> serializer) {
    this.profileSerializer = serializer;
    return this;
  }

  /**
   * Directory where reports wait while Kafka is unreachable (bounded: 32 reports, 64 MiB); default
   * {@code <java.io.tmpdir>/tickwatch-profiles/<host id>}.
   */
  public AgentBuilder profileSpoolDirectory(Path directory) {
    this.profileSpoolDirectory = directory;
    return this;
  }

  /**
   * Thread-name regular expression (whole name) for profiling sessions that set no thread filter of
   * their own; default none (every thread). Set it when several game servers share one JVM, so each
   * host's profile shows its own threads.
   */
  public AgentBuilder profileThreadFilter(String regex) {
    this.profileThreadFilter = regex;
    return this;
  }

  /** Overrides a Kafka producer setting (applied after the agent's defaults). */
  public AgentBuilder producerOverride(String key, Object value) {
    producerOverrides.put(key, value);
    return this;
  }

  /** Overrides Kafka producer settings. */
  public AgentBuilder producerOverrides(Map<String, ?> overrides) {
    producerOverrides.putAll(overrides);
    return this;
  }

  /**
   * Sets a Kafka client property on every client of the agent: the producer and the control
   * consumer. Meant for connection and security settings ({@code security.protocol}, {@code
   * sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.*}); applied after the agent's defaults
   * and before {@link #producerOverride producer overrides}.
   */
  public AgentBuilder kafkaClientProperty(String key, Object value) {
    clientOverrides.put(key, value);
    return this;
  }

  /** Sets several {@link #kafkaClientProperty Kafka client properties} of every client. */
  public AgentBuilder kafkaClientProperties(Map<String, ?> properties) {
    clientOverrides.putAll(properties);
    return this;
  }

  /** How long {@link TickwatchAgent#close()} may take at most; default 1.8 s. */
  public AgentBuilder closeTimeout(Duration closeTimeout) {
    this.closeTimeout = closeTimeout;
    return this;
  }

  /** Whether to sample CPU, memory, GC, network and cache misses; default true. */
  public AgentBuilder systemCollectors(boolean enabled) {
    this.systemCollectors = enabled;
    return this;
  }

  /** Creates the producer from its configuration (tests inject a MockProducer here). */
  public AgentBuilder producerFactory(
      Function<Map<String, Object>, Producer<String, byte[]>> factory) {
    this.producerFactory = factory;
    return this;
  }

  /** Creates the control consumer from its configuration (tests inject a MockConsumer here). */
  public AgentBuilder consumerFactory(
      Function<Map<String, Object>, Consumer<String, byte[]>> factory) {
    this.consumerFactory = factory;
    return this;
  }

  /** Adds a collector (tests, or host-specific series). */
  AgentBuilder collector(SystemCollector collector) {
    extraCollectors.add(collector);
    return this;
  }

  /** Without the sampler thread, tests drive sampling with {@code sampleSlots}. */
  AgentBuilder manualSampling() {
    this.samplerThread = false;
    return this;
  }

  /**
   * Validates and builds the agent (not started).
   *
   * @throws IllegalArgumentException listing every configuration problem
   */
  public TickwatchAgent build() {
    List<String> problems = new ArrayList<>();
    if (hostId == null || hostId.isBlank()) {
      problems.add("hostId must not be blank");
    }
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      problems.add("bootstrapServers must be set");
    }
    if (valueSerializer == null && (schemaRegistryUrl == null || schemaRegistryUrl.isBlank())) {
      problems.add("set schemaRegistryUrl or valueSerializer");
    }
    if (sampleInterval == null
        || sampleInterval.toMillis() < 1
        || sampleInterval.toNanos() % 1_000_000 != 0) {
      problems.add("sampleInterval must be a whole number of milliseconds >= 1 ms");
    }
    if (publishInterval == null
        || sampleInterval == null
        || sampleInterval.isZero()
        || publishInterval.compareTo(sampleInterval) < 0
        || publishInterval.toNanos() % sampleInterval.toNanos() != 0) {
      problems.add("publishInterval must be a multiple of sampleInterval");
    }
    if (tickBudget == null || tickBudget.isNegative() || tickBudget.isZero()) {
      problems.add("tickBudget must be positive");
    }
    if (bufferBytes < 64 * 1024) {
      problems.add("bufferBytes must be at least 64 KiB");
    }
    if (!(relativeAccuracy >= 1e-4 && relativeAccuracy <= 0.1)) {
      problems.add("relativeAccuracy must be in [0.0001, 0.1]");
    }
    if (maxLabelValues < 1 || maxNames < 1) {
      problems.add("maxLabelValues and maxNames must be >= 1");
    }
    if (tags.size() > MAX_TAGS) {
      problems.add("at most " + MAX_TAGS + " tags");
    }
    tags.forEach(
        (k, v) -> {
          if (k == null || v == null || k.length() > 128 || v.length() > 256) {
            problems.add("tag keys (<= 128 chars) and values (<= 256 chars) must be non-null");
          }
        });
    if (closeTimeout == null || closeTimeout.toMillis() < 100 || closeTimeout.toMillis() > 2000) {
      problems.add("closeTimeout must be between 100 ms and 2 s");
    }
    if (profilerEnabled && (profileTopic == null || profileTopic.isBlank())) {
      problems.add("profileTopic must not be blank");
    }
    if (profileThreadFilter != null) {
      try {
        java.util.regex.Pattern.compile(profileThreadFilter);
      } catch (java.util.regex.PatternSyntaxException e) {
        problems.add("profileThreadFilter is not a regular expression");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid Tickwatch agent configuration: " + String.join("; ", problems));
    }
    String runId = UUID.randomUUID().toString();
    String clientId = "tickwatch-agent-" + hostId + "-" + runId.substring(0, 8);
    SchemaRegistryClient registryClient =
        schemaRegistryUrl == null
            ? null
            : RestSchemaRegistryClient.builder(schemaRegistryUrl)
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    Serializer<SampleBatch> serializer =
        valueSerializer != null ? valueSerializer : new AvroSerializer<>(registryClient);
    Deserializer<ControlCommand> deserializer = controlDeserializer;
    if (deserializer == null && registryClient != null) {
      deserializer = new AvroDeserializer<>(registryClient, ControlCommand.class);
    }
    boolean control = controlEnabled && deserializer != null;
    Serializer<ProfileChunk> chunkSerializer =
        profileSerializer != null
            ? profileSerializer
            : registryClient == null ? null : new AvroSerializer<ProfileChunk>(registryClient);
    Path spool =
        profileSpoolDirectory != null
            ? profileSpoolDirectory
            : Path.of(
                System.getProperty("java.io.tmpdir"),
                "tickwatch-profiles",
                hostId.replaceAll("[^A-Za-z0-9._-]", "_"));
    ProfilerSettings profiler =
        new ProfilerSettings(
            profilerEnabled, profileTopic, chunkSerializer, spool, profileThreadFilter);
    long producerCloseMillis = Math.max(50, closeTimeout.toMillis() * 2 / 3);
    List<SystemCollector> extra = List.copyOf(extraCollectors);
    boolean system = systemCollectors;
    Supplier<List<SystemCollector>> collectors =
        () -> {
          List<SystemCollector> all = new ArrayList<>(system ? defaultCollectors() : List.of());
          all.addAll(extra);
          return all;
        };
    return new TickwatchAgent(
        new AgentConfig(
            hostId,
            cluster == null ? "" : cluster,
            Map.copyOf(tags),
            runId,
            clientId,
            clock,
            sampleInterval,
            publishInterval,
            tickBudget,
            bufferBytes,
            relativeAccuracy,
            maxLabelValues,
            maxNames,
            topic,
            controlTopic,
            control,
            serializer,
            deserializer,
            producerFactory,
            producerConfig(clientId),
            consumerFactory,
            consumerConfig(clientId),
            Duration.ofMillis(producerCloseMillis),
            closeTimeout,
            collectors,
            samplerThread,
            Map.copyOf(controlHandlers),
            profiler));
  }

  private Map<String, Object> producerConfig(String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 100);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 250);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
    config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
    config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 200);
    config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 5000);
    // the agent's own bound (bufferBytes) limits what is in flight; Kafka's must never block
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(2 * bufferBytes, 1L << 20));
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.putAll(clientOverrides);
    config.putAll(producerOverrides);
    return config;
  }

  private Map<String, Object> consumerConfig(String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-control");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    // commands are rare: long polls keep the listener nearly idle (latency <= 1 s)
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1000);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
    config.put(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 5000);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.putAll(clientOverrides);
    return config;
  }

  private static List<SystemCollector> defaultCollectors() {
    return List.of(
        new HeapCollector(10),
        new GcCollector(10),
        new ProcessCpuCollector(20),
        new RssCollector(20),
        new SystemCpuCollector(100),
        new MemAvailableCollector(100),
        new MemoryUsedCollector(100),
        new NetDevCollector(100),
        new AllocationRateCollector(100),
        new PerfCacheMissCollector(100));
  }
}
