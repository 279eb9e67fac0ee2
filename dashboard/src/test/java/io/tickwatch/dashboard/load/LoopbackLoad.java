package io.tickwatch.dashboard.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A bounded closed-loop load: {@code threads} workers each send {@code requestsPerThread} requests
 * one after another over one shared HTTP/1.1 client (keep-alive), request {@code i} built by the
 * given function (so a run cycles through a mix of endpoints). Every response must be 2xx with a
 * body read to the end; anything else is an error, the first few kept for the report.
 */
final class LoopbackLoad {

  /** What a run measured; latencies in microseconds. */
  record Result(
      long requests,
      long errors,
      List<String> firstErrors,
      long p50Micros,
      long p90Micros,
      long p99Micros,
      long p999Micros,
      long maxMicros,
      double requestsPerSecond) {

    String summary() {
      return String.format(
          "%d requests, %d errors, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f"
              + " ms, %.0f req/s",
          requests,
          errors,
          p50Micros / 1000.0,
          p90Micros / 1000.0,
          p99Micros / 1000.0,
          p999Micros / 1000.0,
          maxMicros / 1000.0,
          requestsPerSecond);
    }
  }

  private LoopbackLoad() {}

  static Result run(int threads, int requestsPerThread, IntFunction<HttpRequest> requests)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    long[][] latencies = new long[threads][requestsPerThread];
    AtomicLong errors = new AtomicLong();
    List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        workers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < requestsPerThread; i++) {
                    HttpRequest request = requests.apply(thread * requestsPerThread + i);
                    long t0 = System.nanoTime();
                    String problem;
                    try {
                      HttpResponse<byte[]> response =
                          client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                      problem =
                          response.statusCode() / 100 == 2
                              ? null
                              : request.uri() + " -> " + response.statusCode();
                    } catch (Exception e) {
                      if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                      problem = request.uri() + " -> " + e;
                    }
                    latencies[thread][i] = (System.nanoTime() - t0) / 1000;
                    if (problem != null) {
                      errors.incrementAndGet();
                      if (firstErrors.size() < 10) {
                        firstErrors.add(problem);
                      }
                    }
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(
        all.length,
        errors.get(),
        List.copyOf(firstErrors),
        percentile(all, 0.50),
        percentile(all, 0.90),
        percentile(all, 0.99),
        percentile(all, 0.999),
        all[all.length - 1],
        all.length / seconds);
  }

  private static long percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
