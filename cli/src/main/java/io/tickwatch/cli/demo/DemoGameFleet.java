package io.tickwatch.cli.demo;

import io.tickwatch.cli.demo.incidents.DemoIncidentRules;
import io.tickwatch.cli.demo.incidents.HostIncidents;
import io.tickwatch.cli.demo.incidents.Incident;
import io.tickwatch.cli.demo.incidents.IncidentSchedule;
import io.tickwatch.cli.sim.GameWorld;
import io.tickwatch.cli.sim.SimulatedGameServer;
import io.tickwatch.cli.sim.SnapshotSender;
import io.tickwatch.producer.AgentStatus;
import io.tickwatch.producer.TickwatchAgent;
import io.tickwatch.producer.experiment.ExperimentFeed;
import io.tickwatch.producer.experiment.Experiments;
import io.tickwatch.producer.experiment.Metering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's game servers: N {@link SimulatedGameServer}s at 60 Hz, each on its own thread and each
 * instrumented by its own {@link TickwatchAgent} (host ids {@code demo-host-1..N}), so the samples
 * on {@code tickwatch.samples} come from the real agent: 1 ms sampler, per-thread recording,
 * bounded outbound buffer, Avro through the schema registry.
 *
 * <p>All agents share this JVM, so process-level series (CPU, heap, GC) are the same process seen
 * by every host; tick time, player-action latency and active players differ per host because each
 * world has its own size and seed.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} (idempotent) stops the game loops, then the
 * agents. {@link #counters()} is safe from any thread.
 */
public final class DemoGameFleet implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoGameFleet.class);
  private static final int TICK_RATE_HZ = 60;
  private static final double ACTIONS_PER_PLAYER_PER_SECOND = 4.0;
  private static final String[] REGIONS = {"eu-west", "us-east", "ap-south"};

  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final int hostCount;
  private final IncidentSchedule incidents;
  private final List<TickwatchAgent> agents = new ArrayList<>();
  private final List<Experiments> experiments = new ArrayList<>();
  private final List<Thread> loops = new ArrayList<>();
  private volatile boolean stopping;

  /** Cumulative publishing counters of all agents since start. */
  public record Counters(long batchesSent, long batchesAcked, long sendErrors) {}

  /**
   * @param hostCount number of simulated game servers, 1..64
   */
  public DemoGameFleet(String bootstrapServers, String schemaRegistryUrl, int hostCount) {
    this(bootstrapServers, schemaRegistryUrl, hostCount, IncidentSchedule.demo(hostCount));
  }

  /**
   * @param incidents which hosts misbehave when (relative to {@link #start()})
   */
  public DemoGameFleet(
      String bootstrapServers,
      String schemaRegistryUrl,
      int hostCount,
      IncidentSchedule incidents) {
    this.incidents = incidents;
    if (hostCount < 1 || hostCount > 64) {
      throw new IllegalArgumentException("host count must be in 1..64, was " + hostCount);
    }
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
    this.hostCount = hostCount;
  }

  /** Starts one agent and one game-loop thread per host. */
  public void start() {
    for (int i = 1; i <= hostCount; i++) {
      String hostId = "demo-host-" + i;
      TickwatchAgent agent =
          TickwatchAgent.builder(hostId)
              .cluster("demo")
              .tag("region", REGIONS[i % REGIONS.length])
              .bootstrapServers(bootstrapServers)
              .schemaRegistryUrl(schemaRegistryUrl)
              .tickBudget(Duration.ofNanos(1_000_000_000L / TICK_RATE_HZ))
              // all demo hosts share this JVM: a host's profile shows its own game thread
              .profileThreadFilter(java.util.regex.Pattern.quote("tickwatch-demo-game-" + hostId))
              .build()
              .start();
      agents.add(agent);
      // worlds of different sizes so hosts differ in tick time and players
      GameWorld world =
          new GameWorld(1_000L + i, 100 + 50 * i, 8, ACTIONS_PER_PLAYER_PER_SECOND / TICK_RATE_HZ);
      HostIncidents hostIncidents = new HostIncidents(hostId, incidents);
      world.disturb(hostIncidents);
      agent.gauge(DemoIncidentRules.GAME_CPU_METRIC, hostIncidents::gameThreadCpuPercent);
      agent.gauge(DemoIncidentRules.RETAINED_METRIC, hostIncidents::retainedBytes);
      SimulatedGameServer server = new SimulatedGameServer(world, TICK_RATE_HZ, agent, true);
      // the A/B experiment: snapshots sent with fresh or pooled buffers, as the topic assigns
      Experiments hostExperiments =
          Experiments.of(agent, Metering.CPU_AND_ALLOCATION)
              .followTopic(ExperimentFeed.connect(bootstrapServers, schemaRegistryUrl));
      experiments.add(hostExperiments);
      server.sendSnapshots(
          new SnapshotSender(world, hostExperiments.follow(DemoExperiment.ID), hostId, 10));
      Thread loop = new Thread(() -> runLoop(hostId, server), "tickwatch-demo-game-" + hostId);
      loop.setDaemon(true);
      loops.add(loop);
      loop.start();
    }
    LOG.info("Demo game fleet started: {} game server(s) with the Tickwatch agent", hostCount);
    for (Incident incident : incidents.incidents()) {
      LOG.info("Scheduled incident: {}", incident);
    }
  }

  private void runLoop(String hostId, SimulatedGameServer server) {
    try {
      server.run(() -> stopping);
    } catch (RuntimeException | Error e) {
      LOG.error("Simulated game server {} stopped", hostId, e);
    }
  }

  /** The scheduled incidents. */
  public IncidentSchedule incidents() {
    return incidents;
  }

  public int hostCount() {
    return hostCount;
  }

  /** Sums the agents' own accounting. */
  public Counters counters() {
    long sent = 0;
    long acked = 0;
    long errors = 0;
    for (TickwatchAgent agent : agents) {
      AgentStatus status = agent.status();
      sent += status.batchesProduced();
      acked += status.batchesDelivered();
      errors += status.sendErrors();
    }
    return new Counters(sent, acked, errors);
  }

  /** Stops the game loops, then closes every agent (each returns within its close budget). */
  @Override
  public void close() {
    stopping = true;
    for (Thread loop : loops) {
      try {
        loop.join(Duration.ofSeconds(2).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    loops.clear();
    for (Experiments e : experiments) {
      e.close();
    }
    experiments.clear();
    for (TickwatchAgent agent : agents) {
      agent.close();
    }
    agents.clear();
  }
}
