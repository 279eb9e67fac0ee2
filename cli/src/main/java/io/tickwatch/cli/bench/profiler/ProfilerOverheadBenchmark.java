package io.tickwatch.cli.bench.profiler;

import io.tickwatch.cli.sim.AvroBinarySerializer;
import io.tickwatch.cli.sim.GameWorld;
import io.tickwatch.cli.sim.SimulatedGameServer;
import io.tickwatch.cli.sim.TickSummary;
import io.tickwatch.producer.TickwatchAgent;
import io.tickwatch.producer.profile.ProfileReport;
import io.tickwatch.producer.profile.ProfileRequest;
import io.tickwatch.producer.profile.ProfileStart;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Measures a profiling session's cost on the simulated game loop: one agent (publishing to an
 * unreachable broker, as in {@code bench agent}) runs throughout, and each round runs the same game
 * loop once without a session and once per sampling interval with a session covering the whole run,
 * in an order that rotates every round to cancel drift. JFR gets one second to start before the
 * measured window (the run without a session idles as long), so the numbers are steady-state
 * overhead. Compared: process CPU (percent of one core) and tick-time percentiles.
 */
public final class ProfilerOverheadBenchmark {
  private static final long SETTLE_MILLIS = 1000;

  /** What to run; {@code intervalsMillis} are the sampling intervals to compare. */
  public record Settings(
      Duration duration,
      Duration warmup,
      int rounds,
      int tickRateHz,
      int players,
      int entitiesPerPlayer,
      double actionsPerPlayerPerSecond,
      List<Integer> intervalsMillis) {}

  /**
   * One mode's totals.
   *
   * @param intervalMillis requested interval, 0 for no session
   * @param usedIntervalMillis largest interval a session ended with (the guard may raise it)
   * @param samples execution samples kept by the sessions
   * @param guardOverheadPercent largest overhead the profiler's own guard measured
   */
  public record ModeResult(
      int intervalMillis,
      TickSummary ticks,
      long wallNanos,
      long processCpuNanos,
      int usedIntervalMillis,
      long samples,
      double guardOverheadPercent) {

    /** Process CPU in percent of one core. */
    public double processCpuPercentOfCore() {
      return 100.0 * processCpuNanos / wallNanos;
    }
  }

  private final Settings settings;
  private final Consumer<String> progress;
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Creates the benchmark; {@code progress} receives one line per finished run. */
  public ProfilerOverheadBenchmark(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs warm-up and every round; the first result is the mode without a session. */
  public List<ModeResult> run() throws Exception {
    Path spool = Files.createTempDirectory("tickwatch-bench-profiles");
    List<Integer> modes = new ArrayList<>();
    modes.add(0);
    modes.addAll(settings.intervalsMillis());
    Map<Integer, Totals> totals = new LinkedHashMap<>();
    modes.forEach(m -> totals.put(m, new Totals()));
    try (TickwatchAgent agent = startAgent(spool)) {
      if (!settings.warmup().isZero()) {
        for (int mode : modes) {
          runOnce(agent, mode, settings.warmup(), new Totals());
        }
        progress.accept("warm-up done");
      }
      for (int round = 0; round < settings.rounds(); round++) {
        for (int i = 0; i < modes.size(); i++) {
          int mode = modes.get((i + round) % modes.size());
          runOnce(agent, mode, settings.duration(), totals.get(mode));
        }
        progress.accept("round " + (round + 1) + "/" + settings.rounds() + " done");
      }
    }
    List<ModeResult> results = new ArrayList<>();
    totals.forEach((mode, t) -> results.add(t.result(mode)));
    return results;
  }

  private void runOnce(TickwatchAgent agent, int intervalMillis, Duration duration, Totals totals)
      throws Exception {
    GameWorld world =
        new GameWorld(
            42,
            settings.players(),
            settings.entitiesPerPlayer(),
            settings.actionsPerPlayerPerSecond() / settings.tickRateHz());
    ProfileStart session = null;
    if (intervalMillis > 0) {
      session =
          agent
              .profiler()
              .start(
                  ProfileRequest.builder()
                      .profileId("bench-" + intervalMillis + "ms-" + System.nanoTime())
                      .durationMillis(duration.toMillis() + SETTLE_MILLIS + 60_000)
                      .samplingIntervalMillis(intervalMillis)
                      .build());
      if (!session.started()) {
        throw new IllegalStateException("profiler refused the session: " + session.message());
      }
    }
    // JFR's start-up (and, without a session, the same idle time) stays out of the measurement
    Thread.sleep(SETTLE_MILLIS);
    SimulatedGameServer server = new SimulatedGameServer(world, settings.tickRateHz(), agent, true);
    long runNanos = duration.toNanos();
    long processBefore = os.getProcessCpuTime();
    long wallStart = System.nanoTime();
    Thread game =
        new Thread(
            () -> {
              long end = System.nanoTime() + runNanos;
              server.run(() -> System.nanoTime() >= end);
            },
            "sim-game-loop");
    game.start();
    game.join();
    long wall = System.nanoTime() - wallStart;
    long processCpu = os.getProcessCpuTime() - processBefore;
    ProfileReport report = null;
    if (session != null) {
      agent.profiler().stop(session.profileId());
      report = session.report().get(60, TimeUnit.SECONDS);
    }
    totals.add(server.tickDurationsNanos(), wall, processCpu, report);
    progress.accept(
        String.format(
            "  %-12s %6d ticks%s",
            intervalMillis == 0 ? "no session" : intervalMillis + " ms",
            server.ticks(),
            report == null
                ? ""
                : String.format(
                    ", %d samples, interval used %d ms, guard %.2f %%",
                    report.summary().getTotalSamples(),
                    report.summary().getSamplingIntervalMillis(),
                    report.summary().getOverheadPercent())));
  }

  private TickwatchAgent startAgent(Path spool) {
    return TickwatchAgent.builder("bench-profiler-host")
        .cluster("bench")
        .bootstrapServers("127.0.0.1:1")
        .valueSerializer(new AvroBinarySerializer())
        .controlEnabled(false)
        .profileSpoolDirectory(spool)
        .tickBudget(Duration.ofNanos(1_000_000_000L / settings.tickRateHz()))
        .build()
        .start();
  }

  private static final class Totals {
    private final List<long[]> ticks = new ArrayList<>();
    private long wall;
    private long processCpu;
    private int usedInterval;
    private long samples;
    private double guard;

    void add(long[] durations, long w, long p, ProfileReport report) {
      ticks.add(durations);
      wall += w;
      processCpu += p;
      if (report != null) {
        usedInterval = Math.max(usedInterval, report.summary().getSamplingIntervalMillis());
        samples += report.summary().getTotalSamples();
        guard = Math.max(guard, report.summary().getOverheadPercent());
      }
    }

    ModeResult result(int interval) {
      int n = ticks.stream().mapToInt(t -> t.length).sum();
      long[] all = new long[n];
      int at = 0;
      for (long[] t : ticks) {
        System.arraycopy(t, 0, all, at, t.length);
        at += t.length;
      }
      return new ModeResult(
          interval, TickSummary.of(all), wall, processCpu, usedInterval, samples, guard);
    }
  }
}
