package io.tickwatch.producer.internal.collect;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hardware cache misses of this process, counted by Linux {@code perf stat -e
 * cache-misses,cache-references -x , -p PID -I N} in a child process read by a daemon thread:
 * {@code cache.misses.per.second} and {@code cache.miss.percent} (100 × misses / references per
 * interval; on most CPUs perf's generic events count last-level cache misses and references).
 * Available only when a probe run of {@code perf} counts cache misses; on hosts where the counter
 * is {@code <not supported>} (typical for virtual machines and containers) or perf is missing both
 * series are absent. Where misses are counted but references are not, the percentage has no reading
 * (NaN), never a made-up value.
 */
public final class PerfCacheMissCollector implements SystemCollector {

  private static final Logger LOG = LoggerFactory.getLogger(PerfCacheMissCollector.class);
  private static final String EVENTS =
      PerfCacheIntervalParser.MISSES + "," + PerfCacheIntervalParser.REFERENCES;

  /** One interval's values, published whole so the two series always come from one interval. */
  private record Reading(double missesPerSecond, double missPercent) {}

  private static final Reading NONE = new Reading(Double.NaN, Double.NaN);

  private final int cadenceMillis;
  private Boolean available;
  private boolean closed;
  private Process process;
  private volatile Reading latest = NONE;

  /** Creates the collector; nothing runs until {@link #available()}. */
  public PerfCacheMissCollector(int cadenceMillis) {
    this.cadenceMillis = Math.max(10, cadenceMillis);
  }

  @Override
  public List<String> seriesNames() {
    return List.of("cache.misses.per.second", "cache.miss.percent");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public synchronized boolean available() {
    if (closed) {
      return false;
    }
    if (available == null) {
      available = probe() && startCounting();
    }
    return available;
  }

  @Override
  public void collect(long nowNanos, double[] out) {
    Reading reading = latest;
    out[0] = reading.missesPerSecond();
    out[1] = reading.missPercent();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (process != null) {
      process.destroy();
      process = null;
    }
  }

  private static boolean probe() {
    try {
      // output to a file, so that a perf that hangs is noticed by the bounded wait (reading its
      // pipe would block until it exits)
      Path out = Files.createTempFile("tickwatch-perf-probe", ".txt");
      String text;
      try {
        Process probe =
            new ProcessBuilder("perf", "stat", "-e", EVENTS, "-x", ",", "--", "true")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!probe.waitFor(2, TimeUnit.SECONDS)) {
          probe.destroyForcibly();
          LOG.info("perf did not answer within 2 s; cache-miss series absent");
          return false;
        }
        text = Files.readString(out, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(out);
      }
      boolean misses =
          !Double.isNaN(PerfCacheIntervalParser.count(text, PerfCacheIntervalParser.MISSES));
      boolean references =
          !Double.isNaN(PerfCacheIntervalParser.count(text, PerfCacheIntervalParser.REFERENCES));
      LOG.info(
          "perf cache-misses {}, cache-references {}",
          misses ? "available" : "not supported (cache series absent)",
          references ? "available" : "not supported (cache.miss.percent has no reading)");
      return misses;
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
                  EVENTS,
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
    PerfCacheIntervalParser parser =
        new PerfCacheIntervalParser(
            (perSecond, percent) -> latest = new Reading(perSecond, percent));
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        parser.accept(line);
      }
    } catch (Exception e) {
      LOG.debug("perf output ended ({})", e.toString());
    }
    // perf ended (closed, or died): no reading rather than its last value forever
    latest = NONE;
  }
}
