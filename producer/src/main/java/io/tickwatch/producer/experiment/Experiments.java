package io.tickwatch.producer.experiment;

import io.tickwatch.avro.Experiment;
import io.tickwatch.producer.TickwatchAgent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiments of one agent: declared in code ({@link #declare}) or followed from the compacted
 * {@code tickwatch.experiments} topic ({@link #follow} plus {@link #followTopic} or {@link
 * #apply}). Handles are created once per experiment id and cached by the game; everything on them
 * is lock-free (see {@link ExperimentHandle}).
 *
 * <pre>{@code
 * Experiments experiments = Experiments.of(agent);
 * experiments.followTopic(ExperimentFeed.connect("kafka:9092", "http://registry:8081"));
 * ExperimentHandle buffers = experiments.follow("tick-buffers");
 * ...
 * try (UnitOfWork unit = buffers.start(sessionId)) {
 *   if (unit.is("pooled")) { ... } else { ... }
 * }
 * }</pre>
 *
 * <p>Per variant the agent publishes, in every sample batch, latency digests labelled {@code
 * experiment=<id>, variant=<name>}: {@value ExperimentHandle#LATENCY}, {@value
 * ExperimentHandle#ERRORS}, {@value ExperimentHandle#UNITS}, {@value ExperimentHandle#CPU} (with
 * {@link Metering#CPU_AND_ALLOCATION}) and {@value ExperimentHandle#ALLOCATED} (unless {@link
 * Metering#NONE}). Thread-safe.
 */
public final class Experiments implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);

  /** Slots of each experiment's distinct-unit table (8 bytes each). */
  public static final int DEFAULT_UNIT_CAPACITY = 1 << 15;

  private final ExperimentHandle.TimerSource timers;
  private final int unitCapacity;
  private final Metering metering;
  private final ConcurrentHashMap<String, ExperimentHandle> handles = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ExperimentSpec> latest = new ConcurrentHashMap<>();
  private volatile ExperimentFeed feed;

  /**
   * Experiments recording through {@code timers} (normally {@code agent::timerWithLabels}).
   *
   * @param unitCapacity slots of each experiment's distinct-unit set
   * @param metering what every unit of work measures besides its wall-clock time
   */
  public Experiments(ExperimentHandle.TimerSource timers, int unitCapacity, Metering metering) {
    this.timers = timers;
    this.unitCapacity = unitCapacity;
    this.metering = metering;
  }

  /** Experiments recording into an agent's sample batches, measuring allocations. */
  public static Experiments of(TickwatchAgent agent) {
    return of(agent, Metering.ALLOCATION);
  }

  /** Experiments recording into an agent's sample batches with the given metering. */
  public static Experiments of(TickwatchAgent agent, Metering metering) {
    return new Experiments(agent::timerWithLabels, DEFAULT_UNIT_CAPACITY, metering);
  }

  /**
   * Declares an experiment in code (it overrides what the topic says until the topic changes it
   * again). Returns the handle of its id.
   */
  public ExperimentHandle declare(ExperimentSpec spec) {
    ExperimentHandle handle = handle(spec.experimentId());
    handle.update(spec);
    return handle;
  }

  /**
   * The handle of an experiment defined on the topic. Until its record arrives every unit gets
   * variant index -1 (no variant); afterwards it assigns while RUNNING and falls back to control
   * otherwise.
   */
  public ExperimentHandle follow(String experimentId) {
    return handle(experimentId);
  }

  /**
   * Applies one record of the experiments topic (null: tombstone). Invalid definitions are ignored
   * with a warning and leave the handle as it was.
   */
  public void apply(String experimentId, Experiment record) {
    if (experimentId == null) {
      return;
    }
    if (record == null) {
      latest.remove(experimentId);
      ExperimentHandle handle = handles.get(experimentId);
      if (handle != null) {
        handle.update(null);
      }
      return;
    }
    ExperimentSpec spec;
    try {
      spec = ExperimentSpec.fromAvro(record);
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring invalid experiment {}: {}", experimentId, e.getMessage());
      return;
    }
    latest.put(experimentId, spec);
    ExperimentHandle handle = handles.get(experimentId);
    if (handle != null) {
      handle.update(spec);
    }
  }

  /** Follows the topic through {@code feed} (started here, closed with this object). */
  public Experiments followTopic(ExperimentFeed feed) {
    this.feed = feed;
    feed.start(this::apply);
    return this;
  }

  /** Stops following the topic. Handles keep their last definition. */
  @Override
  public void close() {
    ExperimentFeed f = feed;
    if (f != null) {
      f.close();
    }
  }

  private ExperimentHandle handle(String experimentId) {
    return handles.computeIfAbsent(
        experimentId,
        id -> new ExperimentHandle(id, latest.get(id), timers, unitCapacity, metering));
  }

  /** Known experiment ids and whether each is running (for diagnostics). */
  public Map<String, Boolean> running() {
    Map<String, Boolean> out = new java.util.TreeMap<>();
    handles.forEach((id, h) -> out.put(id, h.running()));
    return out;
  }
}
