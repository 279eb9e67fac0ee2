package io.tickwatch.producer;

import io.tickwatch.avro.AgentHealth;
import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.avro.StartProfiling;
import io.tickwatch.avro.StopProfiling;
import io.tickwatch.producer.control.ControlDispatcher;
import io.tickwatch.producer.control.ControlHandler;
import io.tickwatch.producer.control.ControlListener;
import io.tickwatch.producer.internal.AgentThreads;
import io.tickwatch.producer.internal.collect.SystemCollector;
import io.tickwatch.producer.internal.publish.BatchSizeEstimator;
import io.tickwatch.producer.internal.publish.OutboundBuffer;
import io.tickwatch.producer.internal.publish.PublishStats;
import io.tickwatch.producer.internal.publish.Publisher;
import io.tickwatch.producer.internal.record.LatencyRecorder;
import io.tickwatch.producer.internal.record.MetricRegistry;
import io.tickwatch.producer.internal.sample.Sampler;
import io.tickwatch.producer.internal.sample.SamplerSettings;
import io.tickwatch.producer.internal.sample.SamplerThread;
import io.tickwatch.producer.profile.KafkaProfilePublisher;
import io.tickwatch.producer.profile.OverheadGuard;
import io.tickwatch.producer.profile.ProcessOverheadMeter;
import io.tickwatch.producer.profile.ProfileSpool;
import io.tickwatch.producer.profile.ProfilerManager;
import io.tickwatch.producer.profile.ProfilingControlHandlers;
import io.tickwatch.producer.profile.TickLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tickwatch agent embedded in a game server: records ticks, player-action latency, player
 * counts and custom metrics on the game's threads, samples them with the host's system metrics
 * every sample interval on one background thread, and publishes one {@link SampleBatch} per publish
 * interval to Kafka from another.
 *
 * <p><b>Guarantees to the game.</b> Recording calls ({@link #tick}, {@link #actionLatency}, {@link
 * Timer#record}, {@link Counter#add}, {@link #activePlayers}) are wait-free and allocation-free
 * after a thread's first call, take no lock and never throw. No method of a running agent blocks on
 * Kafka: the game thread never touches a Kafka client. Memory for outbound data is bounded by
 * {@link AgentBuilder#bufferBytes}; when Kafka is slow or down the oldest batches are dropped and
 * counted. {@link #close()} returns within about two seconds whether or not Kafka is reachable.
 *
 * <p><b>Lifecycle.</b> {@link #builder(String)} → configure → {@link AgentBuilder#build()}
 * (validates, reports every problem at once) → {@link #start()} → record → {@link #close()}.
 * Recording before {@code start()} is counted in the first batch; recording after {@code close()}
 * is ignored silently.
 *
 * <p>Typical use on a 60 Hz game loop:
 *
 * <pre>{@code
 * TickwatchAgent agent = TickwatchAgent.builder("eu-west-1/game-07")
 *     .bootstrapServers("kafka:9092").schemaRegistryUrl("http://registry:8081").build().start();
 * while (running) {
 *   long t0 = System.nanoTime();
 *   world.update();
 *   agent.tick(System.nanoTime() - t0);
 * }
 * agent.close();
 * }</pre>
 */
public final class TickwatchAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TickwatchAgent.class);

  private final AgentConfig config;
  private final MetricRegistry registry;
  private final LatencyRecorder tick;
  private final LatencyRecorder[] actionRecorders;
  private final long tickBudgetNanos;
  private final PublishStats stats = new PublishStats();
  private final OutboundBuffer buffer;
  private final AgentThreads threads;
  private final ControlDispatcher dispatcher;
  private final Sampler sampler;
  private final String runId;
  private final TickLog tickLog;
  private final ProfilerManager profiler;
  private final KafkaProfilePublisher profilePublisher;
  private SamplerThread samplerThread;
  private Publisher publisher;
  private Thread publisherThread;
  private ControlListener controlListener;
  private Thread controlThread;
  private boolean started;
  private volatile boolean closed;

  TickwatchAgent(AgentConfig config) {
    this.config = config;
    this.runId = config.runId();
    this.registry =
        new MetricRegistry(
            config.relativeAccuracy(),
            config.maxLabelValues(),
            config.maxNames(),
            // every action type but OTHER (which is the fold target itself) is reserved
            ActionType.values().length - 1);
    this.tick = registry.tick();
    this.tickBudgetNanos = config.tickBudget().toNanos();
    ActionType[] types = ActionType.values();
    this.actionRecorders = new LatencyRecorder[types.length];
    for (ActionType type : types) {
      actionRecorders[type.ordinal()] = registry.actions().forLabel(type.label());
    }
    this.buffer = new OutboundBuffer(config.bufferBytes(), stats);
    this.threads = new AgentThreads(config.clientId());
    this.dispatcher = new ControlDispatcher(config.hostId(), config.clock());
    if (config.profiler().enabled()) {
      this.tickLog = new TickLog();
      this.profilePublisher = profilePublisher(config);
      this.profiler =
          new ProfilerManager(
              config.hostId(),
              config.clock(),
              tickLog,
              new OverheadGuard(new ProcessOverheadMeter(tickLog), 5),
              profilePublisher,
              1000,
              config.profiler().defaultThreadFilter());
      dispatcher.register(StartProfiling.class, ProfilingControlHandlers.start(profiler));
      dispatcher.register(StopProfiling.class, ProfilingControlHandlers.stop(profiler));
    } else {
      this.tickLog = null;
      this.profilePublisher = null;
      this.profiler = ProfilerManager.disabled(config.hostId());
    }
    config.controlHandlers().forEach(dispatcher::register);
    SamplerSettings settings =
        new SamplerSettings(
            config.hostId(),
            config.cluster(),
            config.tags(),
            runId,
            (int) (config.sampleInterval().toNanos() / 1000),
            (int) (config.publishInterval().toNanos() / config.sampleInterval().toNanos()));
    java.util.List<SystemCollector> collectors = config.collectors();
    this.sampler =
        new Sampler(registry, collectors, settings, config.clock(), this::enqueue, this::health);
  }

  /** Starts configuring an agent for the host {@code hostId} (also the Kafka record key). */
  public static AgentBuilder builder(String hostId) {
    return new AgentBuilder(hostId);
  }

  /**
   * Starts the sampler, publisher and control-listener threads. Returns immediately (creating the
   * Kafka clients happens on the agent's threads). Idempotent; never throws.
   */
  public synchronized TickwatchAgent start() {
    if (started || closed) {
      return this;
    }
    started = true;
    try {
      if (config.samplerThreadEnabled()) {
        samplerThread = new SamplerThread(sampler, config.sampleInterval().toNanos());
        threads.add(samplerThread.start("tickwatch-sampler"));
      }
      publisher =
          new Publisher(
              buffer,
              stats,
              config.topic(),
              config.hostId(),
              config.valueSerializer(),
              config.producerFactory(),
              config.producerConfig(),
              config.producerCloseTimeout(),
              threads::rescan);
      publisherThread = daemon(publisher, "tickwatch-publisher");
      if (profilePublisher != null) {
        profilePublisher.start("tickwatch-profile-publisher", threads::add);
        profiler.start(threads::add);
      }
      if (config.controlEnabled()) {
        controlListener =
            new ControlListener(
                config.controlTopic(),
                config.consumerFactory(),
                config.consumerConfig(),
                config.controlDeserializer(),
                dispatcher,
                threads::rescan);
        controlThread = daemon(controlListener, "tickwatch-control");
      }
    } catch (Throwable t) {
      LOG.error("Tickwatch agent failed to start; recording continues without publishing", t);
    }
    return this;
  }

  /**
   * Stops every agent thread, discards batches that were not sent, closes the Kafka clients and
   * returns within about two seconds even when Kafka is unreachable. Idempotent; never throws.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    long deadline = System.nanoTime() + config.closeTimeout().toNanos();
    try {
      if (samplerThread != null) {
        samplerThread.stop(Math.min(300, remainingMillis(deadline)));
      } else if (started) {
        sampler.flush();
      }
      if (controlListener != null) {
        controlListener.requestClose();
      }
      if (publisher != null) {
        publisher.requestClose();
        join(publisherThread, remainingMillis(deadline));
        if (!publisher.finished()) {
          LOG.warn("publisher did not finish in time; abandoning unsent batches");
          publisher.abandonOutstanding();
        }
      }
      // the profiler last: unfinished sessions only spool their partial reports
      profiler.close(Math.min(600, remainingMillis(deadline)));
      if (profilePublisher != null) {
        profilePublisher.close(Duration.ofMillis(Math.min(300, remainingMillis(deadline))));
      }
      join(controlThread, remainingMillis(deadline));
      sampler.close();
    } catch (Throwable t) {
      LOG.warn("error while closing the Tickwatch agent", t);
    }
  }

  /**
   * Records one game tick of {@code durationNanos}. A tick longer than the tick budget counts as an
   * overrun and drops {@code floor(duration / budget)} frames. Wait-free; never throws.
   */
  public void tick(long durationNanos) {
    try {
      tick.cellForCurrentThread().recordTick(durationNanos, tickBudgetNanos);
      TickLog log = tickLog;
      if (log != null) {
        log.recordTickEndingNow(durationNanos);
      }
    } catch (Throwable ignored) {
      // never throws into the game
    }
  }

  /** Records the latency of one player action of a common type. Wait-free; never throws. */
  public void actionLatency(ActionType action, long latencyNanos) {
    try {
      actionRecorders[(action == null ? ActionType.OTHER : action).ordinal()].record(latencyNanos);
    } catch (Throwable ignored) {
      // never throws into the game
    }
  }

  /**
   * Records the latency of one player action by name; names beyond the label bound are folded into
   * {@code other}. Lock-free; allocation-free for known names; never throws.
   */
  public void actionLatency(String action, long latencyNanos) {
    try {
      registry.actions().forLabel(action).record(latencyNanos);
    } catch (Throwable ignored) {
      // never throws into the game
    }
  }

  /** Sets the number of active players (sampled every slot). Wait-free; never throws. */
  public void activePlayers(int players) {
    registry.activePlayers(players);
  }

  /** A custom counter (cache the handle); names beyond the bound fold into {@code other}. */
  public Counter counter(String name) {
    return new Counter(registry.counter(name == null ? MetricRegistry.OTHER_NAME : name));
  }

  /**
   * A custom gauge sampled every slot on the sampler thread; the supplier must be cheap,
   * thread-safe and non-blocking (exceptions yield NaN). Returns false when the gauge bound is
   * reached.
   */
  public boolean gauge(String name, DoubleSupplier supplier) {
    try {
      return name != null && supplier != null && registry.gauge(name, supplier);
    } catch (Throwable t) {
      return false;
    }
  }

  /** A custom timer (cache the handle); names beyond the bound fold into {@code other}. */
  public Timer timer(String name) {
    return new Timer(
        registry.timer(name == null ? MetricRegistry.OTHER_NAME : name, null).unlabeled());
  }

  /** A custom timer split by one label with a bounded number of values. */
  public LabeledTimer timer(String name, String labelKey) {
    return new LabeledTimer(
        registry.timer(
            name == null ? MetricRegistry.OTHER_NAME : name,
            labelKey == null ? "label" : labelKey));
  }

  /**
   * The JFR profiler: start sessions with {@code
   * profiler().start(ProfileRequest.builder()...build())}. Also driven by {@code
   * StartProfiling}/{@code StopProfiling} control commands. When the agent was built with {@code
   * profilerEnabled(false)} it refuses every session.
   */
  public ProfilerManager profiler() {
    return profiler;
  }

  /**
   * A timer with a fixed set of labels (cache the handle), published as one latency digest per
   * batch with exactly these labels; used, for example, by {@link
   * io.tickwatch.producer.experiment.Experiments} for per-variant series. At most {@link
   * AgentBuilder#maxNames} such series; beyond it the {@code other} timer is returned.
   */
  public Timer timerWithLabels(String name, java.util.Map<String, String> labels) {
    return new Timer(
        registry.labeledTimer(
            name == null ? MetricRegistry.OTHER_NAME : name,
            labels == null ? java.util.Map.of() : labels));
  }

  /** Registers (or replaces) the handler of a control payload type, e.g. {@code ShedLoad.class}. */
  public void onControl(Class<?> payloadType, ControlHandler handler) {
    dispatcher.register(payloadType, handler);
  }

  /** Dispatches a command as if it came from the control topic (for tests and local tools). */
  public ControlDispatcher.Outcome dispatchControl(ControlCommand command) {
    return dispatcher.dispatch(command);
  }

  /** The agent's own accounting right now. */
  public AgentStatus status() {
    long produced = stats.produced();
    long delivered = stats.delivered();
    long dropped = stats.dropped();
    return new AgentStatus(
        produced,
        delivered,
        dropped,
        stats.sendErrors(),
        produced - delivered - dropped,
        buffer.usedBytes(),
        buffer.capacityBytes(),
        registry.labelValuesFolded(),
        threads.cpuNanos(),
        sampler.slotsSampled());
  }

  /** The random id of this agent run (published in every batch). */
  public String runId() {
    return runId;
  }

  /** The host id. */
  public String hostId() {
    return config.hostId();
  }

  /** Samples {@code slots} slots now; only for agents built without the sampler thread (tests). */
  void sampleSlots(int slots) {
    if (config.samplerThreadEnabled()) {
      throw new IllegalStateException("the sampler thread owns sampling");
    }
    for (int i = 0; i < slots; i++) {
      sampler.sampleSlot(System.nanoTime());
    }
  }

  private void enqueue(SampleBatch batch) {
    buffer.offer(batch, BatchSizeEstimator.estimate(batch));
  }

  private AgentHealth health() {
    return new AgentHealth(
        stats.produced(),
        stats.delivered(),
        stats.dropped(),
        stats.sendErrors(),
        buffer.usedBytes(),
        buffer.capacityBytes(),
        registry.labelValuesFolded(),
        threads.cpuNanos());
  }

  private static KafkaProfilePublisher profilePublisher(AgentConfig config) {
    Map<String, Object> producerConfig = new HashMap<>(config.producerConfig());
    producerConfig.put("client.id", config.clientId() + "-profiles");
    // chunks are gzipped already and sent rarely
    producerConfig.put("compression.type", "none");
    producerConfig.put("linger.ms", 0);
    producerConfig.put("buffer.memory", 8L << 20);
    return new KafkaProfilePublisher(
        new ProfileSpool(config.profiler().spoolDirectory(), 32, 64L << 20),
        config.profiler().topic(),
        config.profiler().serializer(),
        config.producerFactory(),
        producerConfig,
        config.producerCloseTimeout(),
        Duration.ofMillis(500),
        Duration.ofSeconds(30));
  }

  private Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    thread.start();
    threads.add(thread);
    return thread;
  }

  private static long remainingMillis(long deadlineNanos) {
    return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  private static void join(Thread thread, long millis) throws InterruptedException {
    if (thread != null) {
      thread.join(Math.max(1, millis));
    }
  }
}
