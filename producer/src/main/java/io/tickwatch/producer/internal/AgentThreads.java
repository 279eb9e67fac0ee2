package io.tickwatch.producer.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of the agent's own threads (sampler, publisher, control listener) and of the Kafka
 * client threads it caused (matched by client id in the thread name). Threads that ended keep their
 * last reading. Thread-safe.
 */
public final class AgentThreads {

  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> lastCpuNanos = new ConcurrentHashMap<>();
  private final Map<Long, Thread> threads = new ConcurrentHashMap<>();
  private final String[] nameMarkers;

  /** Tracks threads whose name contains any of {@code nameMarkers} once {@link #rescan()} runs. */
  public AgentThreads(String... nameMarkers) {
    this.nameMarkers = nameMarkers.clone();
  }

  /** Adds one of the agent's own threads. */
  public void add(Thread thread) {
    threads.put(thread.getId(), thread);
  }

  /** Looks for Kafka client threads created for the agent (call after creating a client). */
  public void rescan() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      for (String marker : nameMarkers) {
        if (name.contains(marker)) {
          add(thread);
        }
      }
    }
  }

  /** Total CPU time of the tracked threads in nanoseconds (-1 when the JVM cannot measure it). */
  public long cpuNanos() {
    if (!mx.isThreadCpuTimeSupported()) {
      return -1;
    }
    long total = 0;
    for (Long id : threads.keySet()) {
      long cpu = mx.getThreadCpuTime(id);
      if (cpu >= 0) {
        lastCpuNanos.put(id, cpu);
      }
    }
    for (long cpu : lastCpuNanos.values()) {
      total += cpu;
    }
    return total;
  }
}
