package io.tickwatch.producer.internal.collect;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hardware cache misses of this process per second, counted by Linux {@code perf stat -e
 * cache-misses -p PID -I N} in a child process read by a daemon thread. Available only when a probe
 * run of {@code perf} reports a count; on hosts where the counter is {@code <not supported>}
 * (typical for virtual machines and containers) or perf is missing the series is absent.
 */
public final class PerfCacheMissCollector implements SystemCollector {

  private static final Logger LOG = LoggerFactory.getLogger(PerfCacheMissCollector.class);

  private final int cadenceMillis;
  private Boolean available;
  private Process process;
  private volatile double latestPerSecond = Double.NaN;

  /** Creates the collector; nothing runs until {@link #available()}. */
  public PerfCacheMissCollector(int cadenceMillis) {
    this.cadenceMillis = Math.max(10, cadenceMillis);
  }

  @Override
  public List<String> seriesNames() {
    return List.of("cache.misses.per.second");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public synchronized boolean available() {
    if (available == null) {
      available = probe() && startCounting();
    }
    return available;
  }

  @Override
  public void collect(long nowNanos, double[] out) {
    out[0] = latestPerSecond;
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.destroy();
      process = null;
    }
  }

  private static boolean probe() {
    try {
      Process probe =
          new ProcessBuilder("perf", "stat", "-e", "cache-misses", "-x", ",", "--", "true")
              .redirectErrorStream(true)
              .start();
      byte[] output = probe.getInputStream().readAllBytes();
      if (!probe.waitFor(2, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        return false;
      }
      String text = new String(output, StandardCharsets.UTF_8);
      boolean counted = text.contains("cache-misses") && parseCount(text) >= 0;
      LOG.info("perf cache-misses {}", counted ? "available" : "not supported; series absent");
      return counted;
    } catch (Exception | LinkageError e) {
      LOG.info("perf not usable ({}); cache-miss series absent", e.toString());
      return false;
    }
  }

  private boolean startCounting() {
    try {
      process =
          new ProcessBuilder(
                  "perf",
                  "stat",
                  "-e",
                  "cache-misses",
                  "-x",
                  ",",
                  "-I",
                  Integer.toString(cadenceMillis),
                  "-p",
                  Long.toString(ProcessHandle.current().pid()))
              .redirectErrorStream(true)
              .start();
      Thread reader = new Thread(this::readLines, "tickwatch-perf-reader");
      reader.setDaemon(true);
      reader.start();
      return true;
    } catch (Exception e) {
      LOG.info("perf stat could not start ({}); cache-miss series absent", e.toString());
      return false;
    }
  }

  private void readLines() {
    Process running = process;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        // interval mode: "<seconds>,<count>,,cache-misses,..."
        String[] fields = line.trim().split(",");
        if (fields.length > 1) {
          long count = parseLong(fields[1]);
          latestPerSecond = count < 0 ? Double.NaN : count * 1000.0 / cadenceMillis;
        }
      }
    } catch (Exception e) {
      latestPerSecond = Double.NaN;
    }
  }

  /** The count of the first line mentioning cache-misses, -1 when unsupported or unparsable. */
  static long parseCount(String text) {
    for (String line : text.split("\n")) {
      if (line.contains("cache-misses")) {
        return parseLong(line.trim().split(",")[0]);
      }
    }
    return -1;
  }

  private static long parseLong(String field) {
    try {
      return Long.parseLong(field.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
