package io.tickwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {
  private static final Schema V1 =
      SchemaBuilder.record("Tick").namespace("t").fields().requiredLong("tick").endRecord();
  private static final Schema V2_WITH_DEFAULT =
      SchemaBuilder.record("Tick")
          .namespace("t")
          .fields()
          .requiredLong("tick")
          .name("host")
          .type()
          .stringType()
          .stringDefault("unknown")
          .endRecord();
  private static final Schema V2_WITHOUT_DEFAULT =
      SchemaBuilder.record("Tick")
          .namespace("t")
          .fields()
          .requiredLong("tick")
          .requiredString("host")
          .endRecord();

  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  /** Against the embedded registry, through a recording proxy that shows what reached it. */
  @Nested
  class AgainstTheEmbeddedRegistry {
    private EmbeddedSchemaRegistry registry;
    private StubHttpServer proxy;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() {
      registry = EmbeddedSchemaRegistry.builder().inMemory().port(0).build().start();
      proxy = StubHttpServer.proxyTo(registry.url());
      client = RestSchemaRegistryClient.builder(proxy.url() + "/").build();
    }

    @AfterEach
    void stop() {
      client.close();
      proxy.close();
      registry.close();
    }

    @Test
    void shouldRegisterAndReadBack() {
      int id = client.register("a-value", V1);
      int id2 = client.register("a-value", V2_WITH_DEFAULT);

      assertThat(id2).isEqualTo(id + 1);
      assertThat(client.getSubjects()).containsExactly("a-value");
      assertThat(client.getVersions("a-value")).containsExactly(1, 2);
      assertThat(client.getVersion("a-value", 1))
          .isEqualTo(new RegisteredSchema("a-value", 1, id, V1));
      assertThat(client.getLatest("a-value"))
          .isEqualTo(new RegisteredSchema("a-value", 2, id2, V2_WITH_DEFAULT));
      assertThat(client.getId("a-value", V2_WITH_DEFAULT)).isEqualTo(id2);
    }

    @Test
    void shouldAskTheRegistryOnceForRepeatedGetById() {
      int id = new RestSchemaRegistryClient(registry.url()).register("a-value", V1);

      Schema first = client.getById(id);
      Schema second = client.getById(id);
      Schema third = client.getById(id);

      assertThat(first).isEqualTo(V1);
      assertThat(second).isSameAs(first);
      assertThat(third).isSameAs(first);
      assertThat(proxy.requests()).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void shouldCacheRegistrationsAndLookups() {
      int id = client.register("a-value", V1);
      client.register("a-value", V1);
      client.getId("a-value", V1);
      client.getById(id);

      assertThat(proxy.requests()).containsExactly("POST /subjects/a-value/versions");
    }

    @Test
    void shouldSurfaceAnIncompatibleVersionWithTheConfluentMessage() {
      client.register("a-value", V1);

      assertThatThrownBy(() -> client.register("a-value", V2_WITHOUT_DEFAULT))
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(
              e -> {
                assertThat(e.httpStatus()).isEqualTo(409);
                assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                assertThat(e.getMessage())
                    .contains(
                        "HTTP 409",
                        "Schema being registered is incompatible",
                        "READER_FIELD_MISSING_DEFAULT_VALUE",
                        "host");
              });
      assertThat(proxy.requests()).hasSize(2);
    }

    @Test
    void shouldCheckCompatibility() {
      assertThat(client.isCompatible("a-value", V2_WITHOUT_DEFAULT)).isTrue();
      client.register("a-value", V1);

      assertThat(client.isCompatible("a-value", V2_WITH_DEFAULT)).isTrue();
      assertThat(client.isCompatible("a-value", V2_WITHOUT_DEFAULT)).isFalse();
    }

    @Test
    void shouldGetAndSetCompatibility() {
      assertThat(client.getCompatibility(Optional.empty()))
          .isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);

      client.setCompatibility(Optional.empty(), CompatibilityLevel.FULL);
      client.setCompatibility(Optional.of("a-value"), CompatibilityLevel.NONE);

      assertThat(client.getCompatibility(Optional.empty())).isEqualTo(CompatibilityLevel.FULL);
      assertThat(client.getCompatibility(Optional.of("a-value")))
          .isEqualTo(CompatibilityLevel.NONE);
      assertThat(client.getCompatibility(Optional.of("b-value")))
          .isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void shouldFailWithTheConfluentErrorCodes() {
      assertRefused(() -> client.getVersions("nope-value"), 404, 40401);
      client.register("a-value", V1);
      assertRefused(() -> client.getVersion("a-value", 9), 404, 40402);
      assertRefused(() -> client.getById(999), 404, 40403);
      assertRefused(() -> client.getId("a-value", V2_WITH_DEFAULT), 404, 40403);
    }

    @Test
    void shouldEncodeSubjectNames() {
      client.register("odd name/with+chars", V1);

      assertThat(client.getSubjects()).containsExactly("odd name/with+chars");
      assertThat(client.getLatest("odd name/with+chars").schema()).isEqualTo(V1);
    }
  }

  @Test
  void shouldRetryA503ThenSucceed() {
    try (StubHttpServer stub =
        StubHttpServer.answering(
            (n, method, path, body) ->
                n <= 2
                    ? new StubHttpServer.Reply(503, "{\"error_code\":50003,\"message\":\"busy\"}")
                    : new StubHttpServer.Reply(200, schemaById(V1)))) {
      RestSchemaRegistryClient client = clientWithRetries(stub.url(), 3);

      assertThat(client.getById(7)).isEqualTo(V1);
      assertThat(stub.requests())
          .containsExactly("GET /schemas/ids/7", "GET /schemas/ids/7", "GET /schemas/ids/7");
      assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Test
  void shouldRetry429() {
    try (StubHttpServer stub =
        StubHttpServer.answering(
            (n, method, path, body) ->
                n == 1
                    ? new StubHttpServer.Reply(
                        429, "{\"error_code\":429,\"message\":\"slow down\"}")
                    : new StubHttpServer.Reply(200, "{\"id\":5}"))) {
      RestSchemaRegistryClient client = clientWithRetries(stub.url(), 3);

      assertThat(client.register("a-value", V1)).isEqualTo(5);
      assertThat(stub.requests()).hasSize(2);
    }
  }

  @Test
  void shouldGiveUpAfterTheLastRetry() {
    try (StubHttpServer stub =
        StubHttpServer.answering(
            (n, method, path, body) ->
                new StubHttpServer.Reply(
                    500, "{\"error_code\":50001,\"message\":\"store down\"}"))) {
      RestSchemaRegistryClient client = clientWithRetries(stub.url(), 2);

      assertRefused(() -> client.getSubjects(), 500, 50001);
      assertThat(stub.requests()).hasSize(3);
      assertThat(sleeps).hasSize(2);
    }
  }

  @Test
  void shouldNotRetryA404() {
    try (StubHttpServer stub =
        StubHttpServer.answering(
            (n, method, path, body) ->
                new StubHttpServer.Reply(
                    404, "{\"error_code\":40403,\"message\":\"Schema 7 not found\"}"))) {
      RestSchemaRegistryClient client = clientWithRetries(stub.url(), 5);

      assertThatThrownBy(() -> client.getById(7))
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(
              e -> {
                assertThat(e.httpStatus()).isEqualTo(404);
                assertThat(e.errorCode()).isEqualTo(40403);
                assertThat(e.getMessage()).contains("Schema 7 not found", "/schemas/ids/7");
              });
      assertThat(stub.requests()).hasSize(1);
      assertThat(sleeps).isEmpty();
    }
  }

  @Test
  void shouldNotRetryOther4xxAndKeepANonJsonBody() {
    try (StubHttpServer stub =
        StubHttpServer.answering(
            (n, method, path, body) -> new StubHttpServer.Reply(401, "Unauthorized"))) {
      RestSchemaRegistryClient client = clientWithRetries(stub.url(), 5);

      assertThatThrownBy(() -> client.getSubjects())
          .asInstanceOf(type(SchemaRegistryException.class))
          .satisfies(
              e -> {
                assertThat(e.httpStatus()).isEqualTo(401);
                assertThat(e.errorCode()).isZero();
                assertThat(e.getMessage()).contains("Unauthorized");
              });
      assertThat(stub.requests()).hasSize(1);
    }
  }

  @Test
  void shouldRetryConnectErrorsThenReportUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RestSchemaRegistryClient client = clientWithRetries("http://127.0.0.1:" + closedPort, 2);

    assertThatThrownBy(() -> client.getSubjects())
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(
            e -> {
              assertThat(e.httpStatus()).isZero();
              assertThat(e.getMessage()).contains("unreachable", "3 attempt(s)");
              assertThat(e).hasCauseInstanceOf(ConnectException.class);
            });
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void shouldTimeOutASilentRegistry() {
    CountDownLatch release = new CountDownLatch(1);
    StubHttpServer stub =
        StubHttpServer.answering(
            (n, method, path, body) -> {
              release.await();
              return new StubHttpServer.Reply(200, "[]");
            });
    try {
      RestSchemaRegistryClient client =
          RestSchemaRegistryClient.builder(stub.url())
              .requestTimeout(Duration.ofMillis(200))
              .retryPolicy(RetryPolicy.NONE)
              .build();

      assertThatThrownBy(() -> client.getSubjects())
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("unreachable")
          .hasCauseInstanceOf(HttpTimeoutException.class);
    } finally {
      release.countDown(); // lets the stub's handler finish so that close() does not wait
      stub.close();
    }
  }

  @Test
  void shouldRejectAUrlWithoutScheme() {
    assertThatThrownBy(() -> new RestSchemaRegistryClient("localhost:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http");
  }

  private RestSchemaRegistryClient clientWithRetries(String url, int retries) {
    return RestSchemaRegistryClient.builder(url)
        .retryPolicy(new RetryPolicy(retries, Duration.ofMillis(100), Duration.ofSeconds(1)))
        .sleeper(sleeps::add)
        .build();
  }

  private static String schemaById(Schema schema) {
    return new ObjectMapper().createObjectNode().put("schema", schema.toString()).toString();
  }

  private static void assertRefused(Runnable call, int status, int errorCode) {
    assertThatThrownBy(call::run)
        .asInstanceOf(type(SchemaRegistryException.class))
        .satisfies(
            e -> {
              assertThat(e.httpStatus()).isEqualTo(status);
              assertThat(e.errorCode()).isEqualTo(errorCode);
            });
  }
}
