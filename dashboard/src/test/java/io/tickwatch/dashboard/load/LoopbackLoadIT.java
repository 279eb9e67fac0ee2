package io.tickwatch.dashboard.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.dashboard.DashboardConfig;
import io.tickwatch.dashboard.DashboardServer;
import io.tickwatch.dashboard.TestRecords;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 6: the schema registry and the dashboard under a bounded loopback load (8 threads ×
 * 1,000 requests each for the registry, × 2,500 for the dashboard, a mix of their read endpoints
 * and, for the registry, idempotent registrations and compatibility checks). Asserted: every
 * response 2xx. Latency percentiles are printed ({@code load:} lines) and recorded in {@code
 * docs/RELIABILITY.md}, never asserted.
 */
class LoopbackLoadIT {

  private static final int THREADS = 8;
  private static final int REQUESTS_PER_THREAD = 2_500;
  // the registry answers in ~44 ms per request by default (Nagle + delayed ACK in the JDK's
  // HttpServer unless -Dsun.net.httpserver.nodelay=true; docs/RELIABILITY.md), so fewer requests
  private static final int REGISTRY_REQUESTS_PER_THREAD = 1_000;
  private static final String REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
  private static final long NOW_MILLIS = System.currentTimeMillis() / 1000 * 1000;

  @Test
  void shouldAnswerEveryRegistryRequestUnderLoad() throws Exception {
    try (EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.builder().host("127.0.0.1").port(0).inMemory().build().start()) {
      String base = registry.url();
      String body =
          new ObjectMapper()
              .writeValueAsString(Map.of("schema", SampleBatch.getClassSchema().toString()));
      String subject = "tickwatch.samples-value";
      HttpRequest register =
          HttpRequest.newBuilder(URI.create(base + "/subjects/" + subject + "/versions"))
              .header("Content-Type", REGISTRY_JSON)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      LoopbackLoad.run(1, 1, i -> register); // the first registration creates id 1
      List<HttpRequest> mix =
          List.of(
              register,
              get(base + "/schemas/ids/1"),
              get(base + "/subjects"),
              get(base + "/subjects/" + subject + "/versions/latest"),
              HttpRequest.newBuilder(
                      URI.create(base + "/compatibility/subjects/" + subject + "/versions/latest"))
                  .header("Content-Type", REGISTRY_JSON)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());

      LoopbackLoad.Result result =
          LoopbackLoad.run(THREADS, REGISTRY_REQUESTS_PER_THREAD, i -> mix.get(i % mix.size()));

      System.out.println("load: schema registry, " + THREADS + " threads: " + result.summary());
      assertThat(result.requests()).isEqualTo((long) THREADS * REGISTRY_REQUESTS_PER_THREAD);
      assertThat(result.errors()).as("errors: %s", result.firstErrors()).isZero();
    }
  }

  @Test
  void shouldAnswerEveryDashboardRequestUnderLoad() throws Exception {
    DashboardServer server =
        DashboardServer.create(DashboardConfig.fromMap(Map.of("dashboard.port", "0"))).start();
    try {
      for (int h = 0; h < 20; h++) {
        for (int w = 0; w < 60; w++) {
          RollingStats stats =
              TestRecords.stats(
                  "host-" + h, "tick.max.micros", NOW_MILLIS - 60_000 + w * 1000L, 1000, w, true);
          server.listener().onStats(stats, true);
        }
      }
      String base = server.url();
      List<HttpRequest> mix =
          List.of(
              get(base + "/api/v1/overview"),
              get(base + "/api/v1/hosts"),
              get(
                  base
                      + "/api/v1/series?host=host-3&metric=tick.max.micros&resolution=1s&fromMillis="
                      + (NOW_MILLIS - 120_000)
                      + "&toMillis="
                      + (NOW_MILLIS + 1000)),
              get(base + "/api/v1/metrics-catalog"),
              get(base + "/api/v1/alerts"),
              get(base + "/metrics"),
              get(base + "/"));

      LoopbackLoad.Result result =
          LoopbackLoad.run(THREADS, REQUESTS_PER_THREAD, i -> mix.get(i % mix.size()));

      System.out.println("load: dashboard, " + THREADS + " threads: " + result.summary());
      assertThat(result.requests()).isEqualTo((long) THREADS * REQUESTS_PER_THREAD);
      assertThat(result.errors()).as("errors: %s", result.firstErrors()).isZero();
    } finally {
      server.close();
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }
}
