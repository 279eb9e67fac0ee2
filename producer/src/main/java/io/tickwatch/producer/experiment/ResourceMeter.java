package io.tickwatch.producer.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Per-thread CPU time and allocated bytes of the calling thread, read from the JVM's thread MX
 * bean. Both are cheap on HotSpot/Linux (a {@code clock_gettime} and a TLAB counter read); either
 * reads {@code -1} where the JVM does not support or has disabled it.
 */
final class ResourceMeter {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU = cpuSupported();
  private static final com.sun.management.ThreadMXBean ALLOC = allocationBean();

  private ResourceMeter() {}

  /** CPU time of the calling thread in nanoseconds, or -1. */
  static long cpuNanos() {
    return CPU ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** Bytes allocated by the calling thread since it started, or -1. */
  static long allocatedBytes() {
    return ALLOC != null ? ALLOC.getCurrentThreadAllocatedBytes() : -1;
  }

  private static boolean cpuSupported() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (Throwable t) {
      return false;
    }
  }

  private static com.sun.management.ThreadMXBean allocationBean() {
    try {
      if (THREADS instanceof com.sun.management.ThreadMXBean bean
          && bean.isThreadAllocatedMemorySupported()
          && bean.isThreadAllocatedMemoryEnabled()) {
        return bean;
      }
    } catch (Throwable t) {
      // unsupported
    }
    return null;
  }
}
