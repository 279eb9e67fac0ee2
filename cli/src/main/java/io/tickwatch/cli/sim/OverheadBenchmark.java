package io.tickwatch.cli.sim;

import io.tickwatch.producer.TickwatchAgent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Measures what the agent costs a game server: the same simulated game loop runs alternately
 * without and with the agent (the order flips every round to cancel drift), and the runs are
 * compared on CPU and tick-time percentiles. Each agent gets one second to start its threads and
 * Kafka client before the measured window (the run without it idles as long), so the numbers are
 * steady-state overhead. The agent publishes for real: to the given bootstrap servers (by default
 * an unreachable address, so the publisher's send-and-fail path is exercised), serializing every
 * batch.
 */
public final class OverheadBenchmark {

  /**
   * What to run.
   *
   * @param bootstrapServers where the agent publishes
   * @param schemaRegistryUrl registry for the Avro serializer, or null for plain Avro binary
   */
  public record Settings(
      Duration duration,
      Duration warmup,
      int rounds,
      int tickRateHz,
      int players,
      int entitiesPerPlayer,
      double actionsPerPlayerPerSecond,
      String bootstrapServers,
      String schemaRegistryUrl,
      Duration sampleInterval) {}

  /**
   * One mode's totals.
   *
   * @param wallNanos summed run time
   * @param gameThreadCpuNanos CPU of the game thread
   * @param processCpuNanos CPU of the whole process during the runs
   * @param agentCpuNanos CPU of the agent's threads (0 without the agent)
   */
  public record ModeResult(
      TickSummary ticks,
      long wallNanos,
      long gameThreadCpuNanos,
      long processCpuNanos,
      long agentCpuNanos,
      long batchesProduced) {

    /** Percent of one core used by the agent's threads. */
    public double agentCpuPercentOfCore() {
      return 100.0 * agentCpuNanos / wallNanos;
    }

    /** Percent of one core used by the whole process. */
    public double processCpuPercentOfCore() {
      return 100.0 * processCpuNanos / wallNanos;
    }

    /** Percent of one core used by the game thread. */
    public double gameThreadCpuPercentOfCore() {
      return 100.0 * gameThreadCpuNanos / wallNanos;
    }
  }

  /** Both modes. */
  public record Result(ModeResult without, ModeResult with) {

    /** Change of tick p99 with the agent, in percent of the p99 without. */
    public double tickP99ChangePercent() {
      return 100.0
          * (with.ticks().p99Micros() - without.ticks().p99Micros())
          / without.ticks().p99Micros();
    }

    /** Change of tick p50 with the agent, in percent. */
    public double tickP50ChangePercent() {
      return 100.0
          * (with.ticks().p50Micros() - without.ticks().p50Micros())
          / without.ticks().p50Micros();
    }

    /** Extra process CPU with the agent, in percent of one core. */
    public double processCpuDeltaPercentOfCore() {
      return with.processCpuPercentOfCore() - without.processCpuPercentOfCore();
    }
  }

  private static final long SETTLE_MILLIS = 1000;

  private final Settings settings;
  private final Consumer<String> progress;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Creates the benchmark; {@code progress} receives one line per finished run. */
  public OverheadBenchmark(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs warm-up and all rounds; returns the totals of the measured rounds. */
  public Result run() throws InterruptedException {
    if (!settings.warmup().isZero()) {
      runOnce(false, settings.warmup(), new Totals());
      runOnce(true, settings.warmup(), new Totals());
      progress.accept("warm-up done");
    }
    Totals without = new Totals();
    Totals with = new Totals();
    for (int round = 0; round < settings.rounds(); round++) {
      boolean agentFirst = round % 2 == 1;
      runOnce(agentFirst, settings.duration(), agentFirst ? with : without);
      runOnce(!agentFirst, settings.duration(), agentFirst ? without : with);
      progress.accept("round " + (round + 1) + "/" + settings.rounds() + " done");
    }
    return new Result(without.result(), with.result());
  }

  private void runOnce(boolean withAgent, Duration duration, Totals totals)
      throws InterruptedException {
    GameWorld world =
        new GameWorld(
            42,
            settings.players(),
            settings.entitiesPerPlayer(),
            settings.actionsPerPlayerPerSecond() / settings.tickRateHz());
    TickwatchAgent agent = withAgent ? startAgent() : null;
    // let the agent start its threads and Kafka client (a one-off cost, not steady-state overhead);
    // the run without the agent idles just as long
    Thread.sleep(SETTLE_MILLIS);
    long agentCpuBefore = agent == null ? 0 : Math.max(0, agent.status().agentCpuNanos());
    SimulatedGameServer server = new SimulatedGameServer(world, settings.tickRateHz(), agent, true);
    AtomicLong gameCpu = new AtomicLong();
    long runNanos = duration.toNanos();
    long processBefore = os.getProcessCpuTime();
    long wallStart = System.nanoTime();
    Thread game =
        new Thread(
            () -> {
              long end = System.nanoTime() + runNanos;
              server.run(() -> System.nanoTime() >= end);
              gameCpu.set(threads.getCurrentThreadCpuTime());
            },
            "sim-game-loop");
    game.start();
    game.join();
    long wall = System.nanoTime() - wallStart;
    long processCpu = os.getProcessCpuTime() - processBefore;
    long agentCpu = 0;
    long batches = 0;
    if (agent != null) {
      agentCpu = Math.max(0, agent.status().agentCpuNanos() - agentCpuBefore);
      batches = agent.status().batchesProduced();
      agent.close();
    }
    totals.add(server.tickDurationsNanos(), wall, gameCpu.get(), processCpu, agentCpu, batches);
    progress.accept(
        String.format(
            "  %-13s %6d ticks, checksum %.3e",
            withAgent ? "with agent" : "without agent", server.ticks(), server.checksum()));
  }

  private TickwatchAgent startAgent() {
    var builder =
        TickwatchAgent.builder("bench-host")
            .cluster("bench")
            .bootstrapServers(settings.bootstrapServers())
            .sampleInterval(settings.sampleInterval())
            .tickBudget(Duration.ofNanos(1_000_000_000L / settings.tickRateHz()));
    if (settings.schemaRegistryUrl() != null) {
      builder.schemaRegistryUrl(settings.schemaRegistryUrl());
    } else {
      builder.valueSerializer(new AvroBinarySerializer()).controlEnabled(false);
    }
    return builder.build().start();
  }

  private static final class Totals {
    final List<long[]> ticks = new ArrayList<>();
    long wall;
    long gameCpu;
    long processCpu;
    long agentCpu;
    long batches;

    void add(long[] durations, long w, long g, long p, long a, long b) {
      ticks.add(durations);
      wall += w;
      gameCpu += g;
      processCpu += p;
      agentCpu += a;
      batches += b;
    }

    ModeResult result() {
      int n = ticks.stream().mapToInt(t -> t.length).sum();
      long[] all = new long[n];
      int at = 0;
      for (long[] t : ticks) {
        System.arraycopy(t, 0, all, at, t.length);
        at += t.length;
      }
      return new ModeResult(TickSummary.of(all), wall, gameCpu, processCpu, agentCpu, batches);
    }
  }
}
