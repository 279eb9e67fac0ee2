package io.tickwatch.producer.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of the threads that profiling adds, read from {@code /proc/self/task} on Linux: every
 * thread whose OS name starts with {@code JFR} (JFR's native sampler and recorder threads as well
 * as its Java event-stream and periodic-task threads) or {@code tickwatch-profi} (the profiler's
 * thread and its publisher). Native threads are invisible to {@code ThreadMXBean}, hence /proc.
 * Counts only CPU time gained while a thread was seen in two readings, so threads that come and go
 * do not distort it. One caller thread.
 */
final class ProfilerThreadsCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final long NANOS_PER_CLOCK_TICK = 10_000_000L; // USER_HZ = 100 on Linux

  private final Map<String, Boolean> profilerTask = new HashMap<>();
  private Map<String, Long> lastTicks = new HashMap<>();

  /** Whether /proc is there to read (Linux). */
  static boolean available() {
    return Files.isDirectory(TASKS);
  }

  /** CPU nanoseconds the profiling threads used since the previous call (0 on the first). */
  long cpuNanosSinceLastCall() {
    Map<String, Long> now = new HashMap<>();
    Set<String> seen = new HashSet<>();
    long gained = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String tid = task.getFileName().toString();
        seen.add(tid);
        Boolean mine = profilerTask.get(tid);
        if (mine == null) {
          mine = isProfilerThread(read(task.resolve("comm")).strip());
          profilerTask.put(tid, mine);
        }
        if (!mine) {
          continue;
        }
        long ticks = cpuTicks(read(task.resolve("stat")));
        if (ticks < 0) {
          continue;
        }
        now.put(tid, ticks);
        Long before = lastTicks.get(tid);
        if (before != null) {
          gained += Math.max(0, ticks - before);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    profilerTask.keySet().retainAll(seen);
    lastTicks = now;
    return gained * NANOS_PER_CLOCK_TICK;
  }

  static boolean isProfilerThread(String osName) {
    return osName.startsWith("JFR") || osName.startsWith("tickwatch-profi");
  }

  /** utime + stime (clock ticks) from a {@code /proc/<pid>/task/<tid>/stat} line, or -1. */
  static long cpuTicks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return -1;
    }
    String[] fields = stat.substring(close + 2).split(" ");
    if (fields.length < 13) {
      return -1;
    }
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
  }
}
