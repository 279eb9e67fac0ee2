package io.tickwatch.dashboard.bench;

import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.dashboard.feed.FeedRouter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * N SSE clients on loopback against one dashboard fed with synthetic stats; measures the server
 * threads' CPU. Not a JMH benchmark: it measures a running server the way {@code top} would.
 */
public final class SseLoadBenchmark {

  /** Name prefixes of the threads that do the server's work (HTTP, SSE hub and writers). */
  static final List<String> SERVER_THREADS =
      List.of("JettyServerThreadPool", "qtp", "tickwatch-sse-");

  /** Name of the thread that plays the Kafka feed. */
  static final String FEED_THREAD = "tickwatch-bench-feed";

  /**
   * What to run.
   *
   * @param clients concurrent SSE clients
   * @param hosts simulated hosts
   * @param metricsPerHost series per host
   * @param warmup time before measuring
   * @param measure measured time
   */
  public record Settings(
      int clients, int hosts, int metricsPerHost, Duration warmup, Duration measure) {

    /** Defaults: 100 clients, 10 hosts x 20 metrics (200 series, 1 update each per 500 ms). */
    public static Settings defaults() {
      return new Settings(100, 10, 20, Duration.ofSeconds(5), Duration.ofSeconds(20));
    }
  }

  /**
   * The outcome.
   *
   * @param clients clients connected
   * @param clientsAtEnd clients still connected at the end (the others were dropped)
   * @param wallMillis measured wall time
   * @param serverCpuMillis CPU time of the server threads during the measurement
   * @param feedCpuMillis CPU time of the simulated feed (decode excluded: records are built)
   * @param processCpuMillis CPU time of the whole JVM (clients included)
   * @param statsPerSecond stats records fed per second
   * @param eventsReceivedPerClient mean SSE events received per client during the measurement
   * @param bytesReceivedPerClientPerSecond mean bytes per client and second
   * @param serverThreadNames distinct name prefixes of the server threads measured
   */
  public record Result(
      int clients,
      int clientsAtEnd,
      long wallMillis,
      long serverCpuMillis,
      long feedCpuMillis,
      long processCpuMillis,
      double statsPerSecond,
      double eventsReceivedPerClient,
      double bytesReceivedPerClientPerSecond,
      List<String> serverThreadNames) {

    /** Server CPU as a percentage of one core. */
    public double serverCpuPercentOfCore() {
      return 100.0 * serverCpuMillis / wallMillis;
    }

    /** Whole-process CPU as a percentage of one core. */
    public double processCpuPercentOfCore() {
      return 100.0 * processCpuMillis / wallMillis;
    }

    @Override
    public String toString() {
      return String.format(
          "%d SSE clients (%d still connected), %.0f stats/s fed, %.0f events and %.0f B/s per"
              + " client: server threads %.2f %% of one core (%d ms CPU in %d ms), feed %.2f %%,"
              + " whole JVM incl. clients %.1f %%; server threads: %s",
          clients,
          clientsAtEnd,
          statsPerSecond,
          eventsReceivedPerClient,
          bytesReceivedPerClientPerSecond,
          serverCpuPercentOfCore(),
          serverCpuMillis,
          wallMillis,
          100.0 * feedCpuMillis / wallMillis,
          processCpuPercentOfCore(),
          serverThreadNames);
    }
  }

  private final Settings settings;

  public SseLoadBenchmark(Settings settings) {
    if (settings.clients() < 1 || settings.hosts() < 1 || settings.metricsPerHost() < 1) {
      throw new IllegalArgumentException("clients, hosts and metrics must be >= 1");
    }
    this.settings = settings;
  }

  /** Runs the benchmark on an ephemeral loopback port; blocks for warm-up plus measurement. */
  public Result run() throws Exception {
    DashboardConfig config =
        DashboardConfig.fromMap(
            Map.of(
                DashboardConfig.PORT,
                "0",
                DashboardConfig.SSE_MAX_CLIENTS,
                Integer.toString(settings.clients() + 10)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (DashboardServer server = DashboardServer.create(config).start()) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<Client> clients = new ArrayList<>();
      for (int i = 0; i < settings.clients(); i++) {
        clients.add(new Client(http, server.url() + "/api/v1/stream", i));
      }
      Feeder feeder = new Feeder(server.listener(), settings);
      Thread feedThread = new Thread(feeder, FEED_THREAD);
      feedThread.setDaemon(true);
      feedThread.start();
      try {
        park(settings.warmup());
        Map<Long, Long> cpuBefore = cpuByThread(threads, SERVER_THREADS);
        long feedBefore = cpu(threads, feedThread.getId());
        long processBefore = processCpuNanos();
        long fedBefore = feeder.records.get();
        long[] eventsBefore = clients.stream().mapToLong(c -> c.events.get()).toArray();
        long[] bytesBefore = clients.stream().mapToLong(c -> c.bytes.get()).toArray();
        long start = System.nanoTime();
        park(settings.measure());
        long wallNanos = System.nanoTime() - start;
        Map<Long, Long> cpuAfter = cpuByThread(threads, SERVER_THREADS);
        long serverNanos = 0;
        for (Map.Entry<Long, Long> e : cpuAfter.entrySet()) {
          serverNanos += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
        }
        long feedNanos = cpu(threads, feedThread.getId()) - feedBefore;
        long processNanos = processCpuNanos() - processBefore;
        double seconds = wallNanos / 1e9;
        long events = 0;
        long bytes = 0;
        int connected = 0;
        for (int i = 0; i < clients.size(); i++) {
          events += clients.get(i).events.get() - eventsBefore[i];
          bytes += clients.get(i).bytes.get() - bytesBefore[i];
          connected += clients.get(i).open ? 1 : 0;
        }
        return new Result(
            clients.size(),
            connected,
            wallNanos / 1_000_000,
            serverNanos / 1_000_000,
            feedNanos / 1_000_000,
            processNanos / 1_000_000,
            (feeder.records.get() - fedBefore) / seconds,
            (double) events / clients.size(),
            bytes / seconds / clients.size(),
            threadNames(threads, SERVER_THREADS));
      } finally {
        feeder.running = false;
        feedThread.join(5000);
        for (Client c : clients) {
          c.close();
        }
      }
    }
  }

  private static void park(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  private static long cpu(ThreadMXBean threads, long id) {
    return Math.max(0, threads.getThreadCpuTime(id));
  }

  static Map<Long, Long> cpuByThread(ThreadMXBean threads, List<String> prefixes) {
    Map<Long, Long> out = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && prefixes.stream().anyMatch(p -> info.getThreadName().startsWith(p))) {
        long t = threads.getThreadCpuTime(info.getThreadId());
        if (t >= 0) {
          out.put(info.getThreadId(), t);
        }
      }
    }
    return out;
  }

  static List<String> threadNames(ThreadMXBean threads, List<String> prefixes) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && prefixes.stream().anyMatch(p -> info.getThreadName().startsWith(p))) {
        names.add(info.getThreadName().replaceAll("[-0-9]+$", ""));
      }
    }
    return List.copyOf(names);
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /** Feeds one early update per series every 500 ms (what stats-live carries per 1 s window). */
  private static final class Feeder implements Runnable {
    final FeedRouter.FeedListener listener;
    final Settings settings;
    final AtomicLong records = new AtomicLong();
    volatile boolean running = true;

    Feeder(FeedRouter.FeedListener listener, Settings settings) {
      this.listener = listener;
      this.settings = settings;
    }

    @Override
    public void run() {
      long next = System.nanoTime();
      long round = 0;
      while (running) {
        long window = System.currentTimeMillis() / 1000 * 1000;
        for (int h = 0; h < settings.hosts(); h++) {
          for (int m = 0; m < settings.metricsPerHost(); m++) {
            listener.onStats(stats("bench-host-" + h, "bench.metric." + m, window, round), true);
            records.incrementAndGet();
          }
        }
        round++;
        next += 500_000_000L;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
    }

    private static RollingStats stats(String host, String metric, long window, long round) {
      double mean = 50 + (round % 10);
      return RollingStats.newBuilder()
          .setHostId(host)
          .setCluster("bench")
          .setMetric(metric)
          .setLabels(Map.of())
          .setWindowStartMillis(Instant.ofEpochMilli(window))
          .setWindowEndMillis(Instant.ofEpochMilli(window + 1000))
          .setWindowSizeMillis(1000)
          .setCount(500)
          .setSum(mean * 500)
          .setMean(mean)
          .setMin(1)
          .setMax(mean * 3)
          .setStddev(4)
          .setRatePerSecond(mean * 500)
          .setP50(mean)
          .setP95(mean * 2)
          .setP99(mean * 2.5)
          .setP999(mean * 2.9)
          .setSketch(
              QuantileSketch.newBuilder()
                  .setRelativeAccuracy(0.01)
                  .setZeroCount(0)
                  .setIndexOffset(0)
                  .setCounts(List.of())
                  .build())
          .setHostCount(1)
          .setFinalResult(false)
          .build();
    }
  }

  /** One SSE client counting events and bytes on its own thread. */
  private static final class Client {
    final AtomicLong events = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final InputStream body;
    volatile boolean open = true;

    Client(HttpClient http, String url, int index) throws IOException, InterruptedException {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IOException("stream answered " + response.statusCode());
      }
      body = response.body();
      Thread reader = new Thread(this::read, "bench-sse-client-" + index);
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          bytes.addAndGet(line.length() + 1);
          if (line.startsWith("event: ")) {
            events.incrementAndGet();
          }
        }
      } catch (IOException e) {
        // closed
      } finally {
        open = false;
      }
    }

    void close() {
      try {
        body.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
