/**
 * The agent's production profiler: JDK Flight Recorder sessions on demand, overhead-capped, whose
 * reports go to {@code tickwatch.profiles}.
 *
 * <p><b>Starting a session.</b> Locally with {@code agent.profiler().start(ProfileRequest)}, or
 * remotely with a {@code StartProfiling} command on {@code tickwatch.control} (the alerting
 * service's closed loop sends one when an alert fires; {@link
 * io.tickwatch.producer.profile.ProfilingControlHandlers} runs it, copying the command id and the
 * alert fingerprint into the report). A request ({@link
 * io.tickwatch.producer.profile.ProfileRequest}) sets the duration, the sampling interval (default
 * 20 ms), optional thread-name and package filters, the slow-tick budget, allocation and lock
 * recording, and a baseline for a differential report.
 *
 * <p><b>How it samples.</b> Each {@link io.tickwatch.producer.profile.ProfilingSession} is a JFR
 * {@code RecordingStream} with {@code jdk.ExecutionSample} at the interval (and {@code
 * jdk.ObjectAllocationSample}, {@code jdk.JavaMonitorEnter} when asked for). The JVM's own sampler
 * takes the stacks at safepoint-free points; this package walks no stack on a game thread. The only
 * work on a game thread is one entry in the wait-free {@link io.tickwatch.producer.profile.TickLog}
 * per {@code agent.tick(duration)} call while a session runs (and one second in ten while idle, for
 * the tick-time baseline; otherwise one volatile read), which the slow-tick mode ({@link
 * io.tickwatch.producer.profile.SlowTickFilter}: keep a sample only when it falls inside a tick
 * longer than the budget) and the tick-impact measurement read later.
 *
 * <p><b>Limits.</b> {@link io.tickwatch.producer.profile.ProfilerManager} runs at most three
 * sessions at once. The {@link io.tickwatch.producer.profile.OverheadGuard} measures the overhead
 * every second ({@link io.tickwatch.producer.profile.ProcessOverheadMeter}: the CPU of JFR's and
 * the profiler's threads, native ones included, from /proc; the tick-time change is reported but
 * does not throttle, since sessions start during incidents), refuses new sessions above 5 % of a
 * core and doubles the sampling interval of the running ones above 3 %. JFR applies the shortest
 * interval of concurrent sessions to all of them.
 *
 * <p><b>Reports.</b> A {@link io.tickwatch.producer.profile.ProfileReport} holds the collapsed
 * stacks and a summary (total and dropped samples, the top 20 methods by self samples with self and
 * total percentages, allocation hot spots, interval used, measured overhead), plus a differential
 * report against the baseline and lock hot spots (both local). The {@link
 * io.tickwatch.producer.profile.KafkaProfilePublisher} writes each report's chunks ({@code
 * io.tickwatch.schemas.profile.ProfileChunks}) to a bounded local spool first and sends them from
 * its own thread, retrying while Kafka is unreachable.
 */
package io.tickwatch.producer.profile;
