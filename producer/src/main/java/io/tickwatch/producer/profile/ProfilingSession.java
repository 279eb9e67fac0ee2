package io.tickwatch.producer.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JFR session: a {@link RecordingStream} with {@code jdk.ExecutionSample} at the sampling
 * interval (plus {@code jdk.ObjectAllocationSample} and {@code jdk.JavaMonitorEnter} when asked
 * for), whose events are translated into a {@link SampleAccumulator} on JFR's own event thread. The
 * JVM's sampler takes the stacks; nothing here runs on a game thread.
 *
 * <p>Lifecycle, driven by {@link ProfilerManager} on its own thread: {@link #start()} → {@link
 * #markEnd()} (samples after this instant are ignored) → poll {@link #drained()} (two JFR flushes
 * after the end, so the samples taken before it have arrived; about a second) → {@link #close()}.
 */
final class ProfilingSession {
  private static final Logger LOG = LoggerFactory.getLogger(ProfilingSession.class);

  static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
  static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
  static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";

  private final ProfileRequest request;
  private final SampleAccumulator samples;
  private final JfrClock clock = new JfrClock();
  private final AtomicInteger flushesAfterEnd = new AtomicInteger();
  private final long startNanoTime;
  private volatile long endNanoTime = Long.MAX_VALUE;
  private volatile int intervalMillis;
  private RecordingStream stream;

  ProfilingSession(ProfileRequest request, TickLog tickLog, int intervalMillis) {
    this.request = request;
    this.intervalMillis = intervalMillis;
    this.startNanoTime = System.nanoTime();
    SlowTickFilter slow =
        request.slowTicksOnly() && tickLog != null
            ? new SlowTickFilter(
                tickLog, request.slowTickBudgetMicros() * 1000, tickLog.nextSequence())
            : null;
    this.samples =
        new SampleAccumulator(
            new SampleFilter(request.threadFilter(), request.packageFilter()), slow);
  }

  ProfileRequest request() {
    return request;
  }

  SampleAccumulator samples() {
    return samples;
  }

  int samplingIntervalMillis() {
    return intervalMillis;
  }

  /** Starts the JFR stream (asynchronously). Throws when JFR is unavailable. */
  synchronized void start() {
    RecordingStream rs = new RecordingStream();
    try {
      rs.setMaxAge(Duration.ofSeconds(30));
      rs.setReuse(true);
      rs.enable(EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(intervalMillis));
      rs.onEvent(EXECUTION_SAMPLE, this::onExecutionSample);
      if (request.recordAllocations()) {
        rs.enable(ALLOCATION_SAMPLE).with("throttle", "150/s").withStackTrace();
        rs.onEvent(ALLOCATION_SAMPLE, this::onAllocation);
      }
      if (request.recordLocks()) {
        rs.enable(MONITOR_ENTER).withThreshold(Duration.ofMillis(10)).withStackTrace();
        rs.onEvent(MONITOR_ENTER, this::onLock);
      }
      rs.enable(ClockAnchorEvent.class);
      rs.onEvent(ClockAnchorEvent.NAME, this::onAnchor);
      rs.onFlush(this::onFlush);
      rs.onError(t -> LOG.warn("profile {}: JFR stream error", request.profileId(), t));
      rs.startAsync();
      stream = rs;
      ClockAnchorEvent.commitNow();
    } catch (RuntimeException | Error e) {
      rs.close();
      throw e;
    }
  }

  /** Changes the sampling interval of the running stream (the overhead guard's back-off). */
  synchronized void samplingIntervalMillis(int millis) {
    intervalMillis = millis;
    if (stream != null) {
      stream.enable(EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(millis));
    }
  }

  /** Ends the session now: later samples are ignored. */
  void markEnd() {
    if (endNanoTime == Long.MAX_VALUE) {
      endNanoTime = System.nanoTime();
    }
  }

  /** Whether JFR has flushed twice since {@link #markEnd()}, so every earlier sample arrived. */
  boolean drained() {
    return flushesAfterEnd.get() >= 2;
  }

  /**
   * Closes the stream (waiting at most {@code wait} for its event thread) and settles the samples
   * still waiting for their tick. Never throws.
   */
  synchronized void close(Duration wait) {
    RecordingStream rs = stream;
    stream = null;
    if (rs != null) {
      try {
        rs.close();
        rs.awaitTermination(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable t) {
        LOG.debug("closing the JFR stream of profile {} failed", request.profileId(), t);
      }
    }
    samples.finish();
  }

  private void onAnchor(RecordedEvent event) {
    try {
      clock.anchor(event.getStartTime(), event.getLong("nanoTime"));
    } catch (Throwable t) {
      LOG.debug("profile {}: bad clock anchor", request.profileId(), t);
    }
  }

  private void onFlush() {
    try {
      ClockAnchorEvent.commitNow();
      samples.refresh();
      if (endNanoTime != Long.MAX_VALUE && System.nanoTime() > endNanoTime) {
        flushesAfterEnd.incrementAndGet();
      }
    } catch (Throwable t) {
      LOG.debug("profile {}: flush handling failed", request.profileId(), t);
    }
  }

  private boolean inSession(Instant time) {
    long at = clock.toNanoTime(time);
    return at <= endNanoTime && at >= startNanoTime - 1_000_000L;
  }

  private void onExecutionSample(RecordedEvent event) {
    try {
      if (!inSession(event.getStartTime())) {
        return;
      }
      RecordedThread thread = event.getThread("sampledThread");
      RecordedStackTrace trace = event.getStackTrace();
      List<String> frames = framesRootFirst(trace);
      samples.onSample(
          thread == null ? -1 : thread.getJavaThreadId(),
          thread == null ? null : thread.getJavaName(),
          clock.toNanoTime(event.getStartTime()),
          frames);
    } catch (Throwable t) {
      LOG.debug("profile {}: bad execution sample", request.profileId(), t);
    }
  }

  private void onAllocation(RecordedEvent event) {
    try {
      if (!inSession(event.getStartTime())) {
        return;
      }
      RecordedClass type = event.getClass("objectClass");
      samples.onAllocation(
          threadName(event.getThread()),
          site(event.getStackTrace()),
          type == null ? "" : type.getName(),
          event.getLong("weight"));
    } catch (Throwable t) {
      LOG.debug("profile {}: bad allocation sample", request.profileId(), t);
    }
  }

  private void onLock(RecordedEvent event) {
    try {
      if (!inSession(event.getStartTime())) {
        return;
      }
      RecordedClass type = event.getClass("monitorClass");
      samples.onLock(
          threadName(event.getThread()),
          site(event.getStackTrace()),
          type == null ? "" : type.getName(),
          event.getDuration().toNanos());
    } catch (Throwable t) {
      LOG.debug("profile {}: bad lock event", request.profileId(), t);
    }
  }

  private static String threadName(RecordedThread thread) {
    return thread == null ? null : thread.getJavaName();
  }

  static List<String> framesRootFirst(RecordedStackTrace trace) {
    if (trace == null) {
      return List.of();
    }
    List<RecordedFrame> leafFirst = trace.getFrames();
    List<String> frames = new ArrayList<>(leafFirst.size() + 1);
    if (trace.isTruncated()) {
      frames.add("[truncated]");
    }
    for (int i = leafFirst.size() - 1; i >= 0; i--) {
      frames.add(name(leafFirst.get(i)));
    }
    return frames;
  }

  /** The first frame outside the JDK (the code that caused it), else the leaf. */
  private static String site(RecordedStackTrace trace) {
    if (trace == null || trace.getFrames().isEmpty()) {
      return "[unknown]";
    }
    for (RecordedFrame frame : trace.getFrames()) {
      String name = name(frame);
      if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
        return name;
      }
    }
    return name(trace.getFrames().get(0));
  }

  private static String name(RecordedFrame frame) {
    RecordedMethod method = frame.getMethod();
    if (method == null) {
      return "[unknown]";
    }
    RecordedClass type = method.getType();
    return (type == null ? "" : stableClassName(type.getName()) + ".") + method.getName();
  }

  /**
   * Drops the run-specific suffix of hidden classes ({@code Foo$$Lambda$42+0x0000...}) so the same
   * code has the same frame name in every run and profiles can be compared.
   */
  static String stableClassName(String name) {
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : name.substring(0, lambda + "$$Lambda".length());
  }
}
