package io.tickwatch.producer.profile;

import io.tickwatch.schemas.profile.CollapsedStacks;
import io.tickwatch.schemas.profile.ProfileDiff;
import io.tickwatch.schemas.profile.ProfileMetadata;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent's profiling sessions: at most {@value #MAX_CONCURRENT_SESSIONS} at once, each a
 * JFR {@link ProfilingSession}, admitted and throttled by the {@link OverheadGuard}, and turned
 * into a {@link ProfileReport} for the {@link ProfileSink} when it ends.
 *
 * <p>One daemon thread ({@value #THREAD_NAME}) ends sessions on time, checks the overhead every
 * {@code checkIntervalMillis} and builds reports; {@link #start}, {@link #stop} and {@link
 * #stopAll} may be called from any thread (the control listener, the game's own code) and return at
 * once. Nothing runs on a game thread, and no method throws to its caller: a refused start returns
 * a {@link ProfileStart} saying why.
 *
 * <p>Lifecycle: construct → {@link #start()} (the thread) → sessions → {@link #close}.
 */
public final class ProfilerManager implements AutoCloseable {
  /** Sessions that may run at once. */
  public static final int MAX_CONCURRENT_SESSIONS = 3;

  /** Name of the profiler's thread. */
  public static final String THREAD_NAME = "tickwatch-profiler";

  static final long DRAIN_LIMIT_MILLIS = 5_000;
  static final int BASELINE_EVERY_CHECKS = 10;
  private static final long DRAIN_POLL_MILLIS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(ProfilerManager.class);

  private final String hostId;
  private final InstantSource clock;
  private final TickLog tickLog;
  private final OverheadGuard guard;
  private final ProfileSink sink;
  private final long checkIntervalMillis;
  private final BaselineStore baselines = new BaselineStore();
  private final Map<String, Running> active = new LinkedHashMap<>();
  private final boolean enabled;
  private final String defaultThreadFilter;
  private ScheduledExecutorService scheduler;
  private boolean closed;
  private long checks;

  /**
   * @param hostId profiled host (in every report)
   * @param clock source of the reports' start and end times
   * @param tickLog the agent's tick log (slow-tick mode and tick impact), or null
   * @param guard the overhead guard
   * @param sink receives finished reports
   * @param checkIntervalMillis how often the guard measures, at least 10 ms
   */
  public ProfilerManager(
      String hostId,
      InstantSource clock,
      TickLog tickLog,
      OverheadGuard guard,
      ProfileSink sink,
      long checkIntervalMillis) {
    this(hostId, clock, tickLog, guard, sink, checkIntervalMillis, null, true);
  }

  /**
   * A profiler whose sessions without a thread filter use {@code defaultThreadFilter} (for example
   * when several game servers share one JVM, so a host's profile shows its own threads).
   */
  public ProfilerManager(
      String hostId,
      InstantSource clock,
      TickLog tickLog,
      OverheadGuard guard,
      ProfileSink sink,
      long checkIntervalMillis,
      String defaultThreadFilter) {
    this(hostId, clock, tickLog, guard, sink, checkIntervalMillis, defaultThreadFilter, true);
  }

  private ProfilerManager(
      String hostId,
      InstantSource clock,
      TickLog tickLog,
      OverheadGuard guard,
      ProfileSink sink,
      long checkIntervalMillis,
      String defaultThreadFilter,
      boolean enabled) {
    this.defaultThreadFilter = defaultThreadFilter;
    this.hostId = hostId;
    this.clock = clock;
    this.tickLog = tickLog;
    this.guard = guard;
    this.sink = sink;
    this.checkIntervalMillis = Math.max(10, checkIntervalMillis);
    this.enabled = enabled;
  }

  /** A profiler that refuses every session ({@link ProfileStart.Status#UNAVAILABLE}). */
  public static ProfilerManager disabled(String hostId) {
    return new ProfilerManager(
        hostId,
        InstantSource.system(),
        null,
        new OverheadGuard(p -> OverheadReading.NONE, 1),
        r -> {},
        1000,
        null,
        false);
  }

  /** Starts the profiler's thread. Idempotent. */
  public ProfilerManager start() {
    return start(t -> {});
  }

  /** Starts the profiler's thread and shows it to {@code onThread} (CPU accounting). */
  public synchronized ProfilerManager start(Consumer<Thread> onThread) {
    if (scheduler != null || closed || !enabled) {
      return this;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, THREAD_NAME);
              thread.setDaemon(true);
              onThread.accept(thread);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::checkOverheadQuietly,
        checkIntervalMillis,
        checkIntervalMillis,
        TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Starts a session unless {@value #MAX_CONCURRENT_SESSIONS} already run, one with the same id
   * runs, or the guard refuses. When the measured overhead is above the back-off threshold, the
   * session starts at twice the requested interval. Never throws.
   */
  public ProfileStart start(ProfileRequest request) {
    try {
      return startSession(request);
    } catch (Throwable t) {
      LOG.warn("profile {}: could not start JFR", request.profileId(), t);
      return ProfileStart.refused(
          ProfileStart.Status.UNAVAILABLE, request.profileId(), "JFR failed: " + t);
    }
  }

  private synchronized ProfileStart startSession(ProfileRequest asked) {
    ProfileRequest request =
        asked.threadFilter() == null && defaultThreadFilter != null
            ? withThreadFilter(asked, defaultThreadFilter)
            : asked;
    String id = request.profileId();
    if (closed || !enabled || scheduler == null) {
      return ProfileStart.refused(
          ProfileStart.Status.UNAVAILABLE, id, "the profiler is not running");
    }
    if (active.containsKey(id)) {
      return ProfileStart.refused(
          ProfileStart.Status.REFUSED_DUPLICATE, id, "profile " + id + " is already running");
    }
    if (active.size() >= MAX_CONCURRENT_SESSIONS) {
      return ProfileStart.refused(
          ProfileStart.Status.REFUSED_LIMIT,
          id,
          MAX_CONCURRENT_SESSIONS + " profiling sessions are already running");
    }
    OverheadGuard.Decision admission = guard.admit();
    double overhead = guard.lastReading().overheadPercent();
    if (admission == OverheadGuard.Decision.REFUSE) {
      return ProfileStart.refused(
          ProfileStart.Status.REFUSED_OVERHEAD,
          id,
          String.format(
              "measured profiling overhead %.2f %% is above %.1f %%",
              overhead, OverheadGuard.REFUSE_ABOVE_PERCENT));
    }
    int interval =
        admission == OverheadGuard.Decision.BACK_OFF
            ? OverheadGuard.backedOff(request.samplingIntervalMillis())
            : request.samplingIntervalMillis();
    if (tickLog != null) {
      tickLog.enabled(true);
    }
    ProfilingSession session = new ProfilingSession(request, tickLog, interval);
    session.start();
    Running running = new Running(session, clock.millis(), new CompletableFuture<>());
    active.put(id, running);
    running.endTimer =
        scheduler.schedule(() -> end(id), request.durationMillis(), TimeUnit.MILLISECONDS);
    LOG.info(
        "profile {} started: {} ms at {} ms interval{}{}",
        id,
        request.durationMillis(),
        interval,
        request.slowTicksOnly()
            ? ", slow ticks only (> " + request.slowTickBudgetMicros() + " us)"
            : "",
        request.alertFingerprint() == null ? "" : ", alert " + request.alertFingerprint());
    return new ProfileStart(
        ProfileStart.Status.STARTED, id, interval, "profiling started", running.report);
  }

  private static ProfileRequest withThreadFilter(ProfileRequest r, String threadFilter) {
    return new ProfileRequest(
        r.profileId(),
        r.durationMillis(),
        r.samplingIntervalMillis(),
        r.slowTickBudgetMicros(),
        threadFilter,
        r.packageFilter(),
        r.recordAllocations(),
        r.recordLocks(),
        r.baselineProfileId(),
        r.baselineFile(),
        r.commandId(),
        r.alertFingerprint());
  }

  /** Ends a running session now (its shorter report is still published). */
  public boolean stop(String profileId) {
    ScheduledExecutorService s;
    synchronized (this) {
      Running running = active.get(profileId);
      if (running == null || scheduler == null) {
        return false;
      }
      running.endTimer.cancel(false);
      s = scheduler;
    }
    try {
      s.execute(() -> end(profileId));
      return true;
    } catch (RuntimeException e) {
      return false; // closing
    }
  }

  /** Ends every running session now; returns how many. */
  public int stopAll() {
    int stopped = 0;
    for (String id : activeProfileIds()) {
      if (stop(id)) {
        stopped++;
      }
    }
    return stopped;
  }

  /** Ids of the sessions running (including those waiting for their last samples). */
  public synchronized List<String> activeProfileIds() {
    return new ArrayList<>(active.keySet());
  }

  /** The guard (its last reading is the overhead the reports carry). */
  public OverheadGuard guard() {
    return guard;
  }

  /**
   * Measures the overhead now and backs off the running sessions when the guard says so (the
   * profiler's thread does this every check interval; tests call it directly).
   */
  public OverheadGuard.Decision checkOverhead() {
    List<Running> sessions;
    synchronized (this) {
      sessions = new ArrayList<>(active.values());
    }
    OverheadGuard.Decision decision = guard.check(!sessions.isEmpty());
    if (tickLog != null) {
      // ticks are logged while sessions run, and one check interval in BASELINE_EVERY_CHECKS
      // while idle so the meter keeps a tick-time baseline
      synchronized (this) {
        boolean baselineWindow = ++checks % BASELINE_EVERY_CHECKS == 0;
        tickLog.enabled(!active.isEmpty() || baselineWindow);
      }
    }
    double overhead = guard.lastReading().overheadPercent();
    for (Running running : sessions) {
      running.maxOverheadPercent = Math.max(running.maxOverheadPercent, overhead);
      if (decision == OverheadGuard.Decision.BACK_OFF) {
        int before = running.session.samplingIntervalMillis();
        int after = OverheadGuard.backedOff(before);
        if (after != before) {
          running.session.samplingIntervalMillis(after);
          LOG.info(
              "profile {}: overhead {} % above {} %, sampling interval {} -> {} ms",
              running.session.request().profileId(),
              String.format("%.2f", overhead),
              OverheadGuard.BACK_OFF_ABOVE_PERCENT,
              before,
              after);
        }
      }
    }
    return decision;
  }

  /** Current sampling interval of a running session. */
  public synchronized Optional<Integer> samplingIntervalMillis(String profileId) {
    Running running = active.get(profileId);
    return running == null
        ? Optional.empty()
        : Optional.of(running.session.samplingIntervalMillis());
  }

  /**
   * Ends every session (their reports go to the sink, partial) and stops the thread, within about
   * {@code timeoutMillis}. Idempotent; never throws.
   */
  public void close(long timeoutMillis) {
    List<String> ids;
    ScheduledExecutorService s;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      ids = new ArrayList<>(active.keySet());
      s = scheduler;
    }
    if (s == null) {
      return;
    }
    s.shutdownNow();
    try {
      s.awaitTermination(Math.max(1, timeoutMillis / 2), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (String id : ids) {
      Running running;
      synchronized (this) {
        running = active.remove(id);
      }
      if (running != null) {
        running.session.markEnd();
        finish(running, Duration.ofMillis(100));
      }
    }
  }

  @Override
  public void close() {
    close(1500);
  }

  private void checkOverheadQuietly() {
    try {
      checkOverhead();
    } catch (Throwable t) {
      LOG.debug("overhead check failed", t);
    }
  }

  /** On the profiler thread: marks the end, then waits (by re-scheduling) for the last samples. */
  private void end(String profileId) {
    Running running;
    synchronized (this) {
      running = active.get(profileId);
    }
    if (running == null || running.ending) {
      return;
    }
    running.ending = true;
    running.endedAtMillis = clock.millis();
    running.session.markEnd();
    awaitDrain(profileId, System.nanoTime() + DRAIN_LIMIT_MILLIS * 1_000_000L);
  }

  private void awaitDrain(String profileId, long deadlineNanos) {
    Running running;
    synchronized (this) {
      running = active.get(profileId);
      if (running == null) {
        return;
      }
      if (!running.session.drained() && System.nanoTime() - deadlineNanos < 0 && !closed) {
        scheduler.schedule(
            () -> awaitDrain(profileId, deadlineNanos), DRAIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
        return;
      }
      active.remove(profileId);
    }
    finish(running, Duration.ofSeconds(2));
  }

  private void finish(Running running, Duration closeWait) {
    ProfileRequest request = running.session.request();
    try {
      running.session.close(closeWait);
      long ended = running.endedAtMillis > 0 ? running.endedAtMillis : clock.millis();
      ProfileMetadata metadata =
          ProfileMetadata.collapsed(
              request.profileId(),
              hostId,
              request.commandId(),
              request.alertFingerprint(),
              running.startedAtMillis,
              ended);
      Optional<BaselineStore.Baseline> baseline = baselines.forRequest(request);
      CollapsedStacks baselineStacks = baseline.map(BaselineStore.Baseline::stacks).orElse(null);
      ProfileReport report =
          ReportBuilder.build(
              metadata,
              running.session.samples(),
              running.session.samplingIntervalMillis(),
              running.maxOverheadPercent,
              request.slowTicksOnly(),
              baselineStacks,
              baseline.map(BaselineStore.Baseline::id).orElse(null));
      baselines.remember(report);
      log(report);
      sink.accept(report);
      running.report.complete(report);
    } catch (Throwable t) {
      LOG.warn("profile {}: building the report failed", request.profileId(), t);
      running.report.completeExceptionally(t);
    }
  }

  private static void log(ProfileReport report) {
    var summary = report.summary();
    LOG.info(
        "profile {} ended: {} samples kept, {} dropped, interval {} ms, overhead {} %, top {}",
        report.profileId(),
        summary.getTotalSamples(),
        summary.getDroppedSamples(),
        summary.getSamplingIntervalMillis(),
        String.format("%.2f", summary.getOverheadPercent()),
        summary.getTopMethods().isEmpty() ? "-" : summary.getTopMethods().get(0).getMethod());
    ProfileDiff diff = report.diff();
    if (diff != null) {
      for (ProfileDiff.MethodDelta delta : diff.regressions(5)) {
        LOG.info(
            "profile {} vs {}: {} self {} % -> {} %",
            report.profileId(),
            summary.getBaselineProfileId(),
            delta.method(),
            String.format("%.1f", delta.baselineSelfPercent()),
            String.format("%.1f", delta.currentSelfPercent()));
      }
    }
  }

  private static final class Running {
    private final ProfilingSession session;
    private final long startedAtMillis;
    private final CompletableFuture<ProfileReport> report;
    private volatile ScheduledFuture<?> endTimer;
    private volatile boolean ending;
    private volatile long endedAtMillis;
    private volatile double maxOverheadPercent;

    private Running(
        ProfilingSession session, long startedAtMillis, CompletableFuture<ProfileReport> report) {
      this.session = session;
      this.startedAtMillis = startedAtMillis;
      this.report = report;
    }
  }
}
