package io.tickwatch.schemas.registry.server;

import static io.tickwatch.schemas.registry.server.HttpTestClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.schemas.registry.store.SchemaStore;
import io.tickwatch.schemas.registry.store.SchemaStoreException;
import io.tickwatch.schemas.registry.store.StoreEntry;
import java.net.BindException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The embedded registry over real HTTP on an ephemeral port, with an in-memory store. */
class EmbeddedSchemaRegistryTest {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String V1 = record("{\"name\":\"tick\",\"type\":\"long\"}");
  private static final String V2_WITH_DEFAULT =
      record(
          "{\"name\":\"tick\",\"type\":\"long\"},"
              + "{\"name\":\"host\",\"type\":\"string\",\"default\":\"unknown\"}");
  private static final String V2_WITHOUT_DEFAULT =
      record("{\"name\":\"tick\",\"type\":\"long\"},{\"name\":\"host\",\"type\":\"string\"}");
  private static final String OTHER =
      "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}";

  private EmbeddedSchemaRegistry registry;
  private HttpTestClient http;

  @BeforeEach
  void startRegistry() {
    registry = EmbeddedSchemaRegistry.builder().inMemory().port(0).build().start();
    http = new HttpTestClient(registry.url());
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldBindLoopbackOnAnEphemeralPort() {
    assertThat(registry.url()).startsWith("http://127.0.0.1:");
    assertThat(registry.port()).isPositive().isNotEqualTo(8081);
  }

  @Test
  void shouldAnswerRootAndSchemaTypes() {
    HttpTestClient.Reply root = http.get("/");
    HttpTestClient.Reply types = http.get("/schemas/types");

    assertThat(root.status()).isEqualTo(200);
    assertThat(root.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(root.body()).isEqualTo("{}");
    assertThat(types.status()).isEqualTo(200);
    assertThat(types.body()).isEqualTo("[\"AVRO\"]");
  }

  @Test
  void shouldRegisterIdempotently() {
    HttpTestClient.Reply first = http.post("/subjects/a-value/versions", schemaBody(V1));
    HttpTestClient.Reply again = http.post("/subjects/a-value/versions", schemaBody(V1));
    // the same schema with different whitespace is the same schema
    HttpTestClient.Reply reformatted =
        http.post("/subjects/a-value/versions", schemaBody(V1.replace(",", " , ")));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(first.body()).isEqualTo("{\"id\":1}");
    assertThat(again.body()).isEqualTo("{\"id\":1}");
    assertThat(reformatted.body()).isEqualTo("{\"id\":1}");
    assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1]");
  }

  @Test
  void shouldReuseTheGlobalIdForTheSameSchemaUnderAnotherSubject() {
    int first = http.post("/subjects/a-value/versions", schemaBody(V1)).json().get("id").asInt();
    int other =
        http.post("/subjects/a-value/versions", schemaBody(V2_WITH_DEFAULT))
            .json()
            .get("id")
            .asInt();
    int reused = http.post("/subjects/b-value/versions", schemaBody(V1)).json().get("id").asInt();

    assertThat(other).isEqualTo(first + 1);
    assertThat(reused).isEqualTo(first);
    assertThat(http.get("/subjects/b-value/versions/latest").json().get("version").asInt())
        .isEqualTo(1);
    assertThat(http.get("/schemas/ids/" + first + "/versions").json().toString())
        .isEqualTo(
            "[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
  }

  @Test
  void shouldServeSubjectsVersionsAndSchemas() {
    http.post("/subjects/b-value/versions", schemaBody(OTHER));
    http.post("/subjects/a-value/versions", schemaBody(V1));
    http.post("/subjects/a-value/versions", schemaBody(V2_WITH_DEFAULT));

    assertThat(http.get("/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1,2]");

    HttpTestClient.Reply v1 = http.get("/subjects/a-value/versions/1");
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.json().get("subject").asText()).isEqualTo("a-value");
    assertThat(v1.json().get("version").asInt()).isEqualTo(1);
    assertThat(v1.json().get("id").asInt()).isEqualTo(2);
    assertThat(parse(v1.json().get("schema").asText())).isEqualTo(parse(V1));

    HttpTestClient.Reply latest = http.get("/subjects/a-value/versions/latest");
    assertThat(latest.json().get("version").asInt()).isEqualTo(2);
    assertThat(latest.json().get("id").asInt()).isEqualTo(3);
    assertThat(http.get("/subjects/a-value/versions/-1").json()).isEqualTo(latest.json());

    HttpTestClient.Reply raw = http.get("/subjects/a-value/versions/2/schema");
    assertThat(raw.status()).isEqualTo(200);
    assertThat(parse(raw.body())).isEqualTo(parse(V2_WITH_DEFAULT));

    HttpTestClient.Reply byId = http.get("/schemas/ids/3");
    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.json().fieldNames()).toIterable().containsExactly("schema");
    assertThat(parse(byId.json().get("schema").asText())).isEqualTo(parse(V2_WITH_DEFAULT));
  }

  @Test
  void shouldLookUpARegisteredSchemaWithoutRegisteringIt() {
    http.post("/subjects/a-value/versions", schemaBody(V1));

    HttpTestClient.Reply found = http.post("/subjects/a-value", schemaBody(V1));
    HttpTestClient.Reply missingSchema = http.post("/subjects/a-value", schemaBody(OTHER));
    HttpTestClient.Reply missingSubject = http.post("/subjects/nope-value", schemaBody(V1));

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get("subject").asText()).isEqualTo("a-value");
    assertThat(found.json().get("id").asInt()).isEqualTo(1);
    assertThat(found.json().get("version").asInt()).isEqualTo(1);
    assertError(missingSchema, 404, 40403);
    assertError(missingSubject, 404, 40401);
    assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1]");
  }

  @Test
  void shouldAnswerNotFoundCodes() {
    http.post("/subjects/a-value/versions", schemaBody(V1));

    assertError(http.get("/subjects/nope-value/versions"), 404, 40401);
    assertError(http.get("/subjects/nope-value/versions/latest"), 404, 40401);
    assertError(http.get("/subjects/a-value/versions/7"), 404, 40402);
    assertError(http.get("/subjects/a-value/versions/7/schema"), 404, 40402);
    assertError(http.get("/schemas/ids/99"), 404, 40403);
    assertError(http.get("/schemas/ids/99/versions"), 404, 40403);
    assertError(http.get("/schemas/ids/x"), 404, 40403);
  }

  @Test
  void shouldRejectInvalidVersions() {
    http.post("/subjects/a-value/versions", schemaBody(V1));

    for (String version : List.of("0", "-2", "abc", "99999999999")) {
      assertError(http.get("/subjects/a-value/versions/" + version), 422, 42202);
    }
    assertError(
        http.post("/compatibility/subjects/a-value/versions/zero", schemaBody(V1)), 422, 42202);
  }

  @Test
  void shouldRejectInvalidSchemas() {
    HttpTestClient.Reply notJson = http.post("/subjects/a-value/versions", "{not json");
    HttpTestClient.Reply badSchemaJson =
        http.post("/subjects/a-value/versions", schemaBody("{\"type\":\"record\","));
    HttpTestClient.Reply notAvro =
        http.post("/subjects/a-value/versions", schemaBody("{\"type\":\"nonsense\"}"));
    HttpTestClient.Reply protobuf =
        http.post(
            "/subjects/a-value/versions",
            "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}");
    HttpTestClient.Reply noSchemaField = http.post("/subjects/a-value/versions", "{\"x\":1}");

    assertError(notJson, 422, 42201);
    assertError(badSchemaJson, 422, 42201);
    assertError(notAvro, 422, 42201);
    assertThat(notAvro.message()).contains("neither an Avro primitive nor a named type");
    assertError(protobuf, 422, 42201);
    assertThat(protobuf.message()).contains("PROTOBUF");
    assertError(noSchemaField, 422, 42201);
    assertError(http.post("/subjects/a-value", schemaBody("[")), 422, 42201);
    assertThat(http.get("/subjects").body()).isEqualTo("[]");
  }

  @Test
  void shouldRefuseAnIncompatibleVersionWithTheReason() {
    http.post("/subjects/a-value/versions", schemaBody(V1));

    HttpTestClient.Reply refused =
        http.post("/subjects/a-value/versions", schemaBody(V2_WITHOUT_DEFAULT));

    assertError(refused, 409, 409);
    assertThat(refused.message())
        .contains("incompatible", "a-value", "BACKWARD_TRANSITIVE", "host", "version 1");
    assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1]");
  }

  @Test
  void shouldRefuseWhenOnlyTheFirstVersionIsIncompatibleUnderTheTransitiveDefault() {
    String v1 = record("{\"name\":\"tick\",\"type\":\"long\"}");
    http.post("/subjects/a-value/versions", schemaBody(v1));
    http.post("/subjects/a-value/versions", schemaBody(V2_WITH_DEFAULT));

    // v3 drops the default: readable from v2 data, not from v1 data
    HttpTestClient.Reply refused =
        http.post("/subjects/a-value/versions", schemaBody(V2_WITHOUT_DEFAULT));
    http.put("/config/a-value", "{\"compatibility\":\"BACKWARD\"}");
    HttpTestClient.Reply accepted =
        http.post("/subjects/a-value/versions", schemaBody(V2_WITHOUT_DEFAULT));

    assertError(refused, 409, 409);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1,2,3]");
  }

  @Test
  void shouldTestCompatibility() {
    http.post("/subjects/a-value/versions", schemaBody(V1));

    HttpTestClient.Reply compatible =
        http.post("/compatibility/subjects/a-value/versions/latest", schemaBody(V2_WITH_DEFAULT));
    HttpTestClient.Reply incompatible =
        http.post("/compatibility/subjects/a-value/versions/1", schemaBody(V2_WITHOUT_DEFAULT));
    HttpTestClient.Reply againstAll =
        http.post("/compatibility/subjects/a-value/versions", schemaBody(V2_WITHOUT_DEFAULT));
    HttpTestClient.Reply newSubject =
        http.post("/compatibility/subjects/new-value/versions/latest", schemaBody(V1));

    assertThat(compatible.status()).isEqualTo(200);
    assertThat(compatible.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(compatible.body()).isEqualTo("{\"is_compatible\":true}");
    assertThat(incompatible.status()).isEqualTo(200);
    assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(incompatible.json().get("messages").toString())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(againstAll.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(newSubject.body()).isEqualTo("{\"is_compatible\":true}");
    assertError(
        http.post("/compatibility/subjects/new-value/versions/1", schemaBody(V1)), 404, 40401);
    assertError(
        http.post("/compatibility/subjects/a-value/versions/5", schemaBody(V1)), 404, 40402);
    assertError(
        http.post("/compatibility/subjects/a-value/versions/latest", schemaBody("{")), 422, 42201);
  }

  @Test
  void shouldGetAndPutGlobalAndSubjectConfig() {
    assertThat(http.get("/config").body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");

    HttpTestClient.Reply global = http.put("/config", "{\"compatibility\":\"FULL\"}");
    HttpTestClient.Reply subject = http.put("/config/a-value", "{\"compatibilityLevel\":\"NONE\"}");

    assertThat(global.status()).isEqualTo(200);
    assertThat(global.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(global.body()).isEqualTo("{\"compatibility\":\"FULL\"}");
    assertThat(subject.body()).isEqualTo("{\"compatibility\":\"NONE\"}");
    assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(http.get("/config/a-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    // no override: the global level
    assertThat(http.get("/config/b-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
  }

  @Test
  void shouldApplyTheSubjectLevelOverTheGlobalOne() {
    http.put("/config", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
    http.put("/config/a-value", "{\"compatibility\":\"NONE\"}");
    http.post("/subjects/a-value/versions", schemaBody(V1));
    http.post("/subjects/b-value/versions", schemaBody(V1));

    HttpTestClient.Reply none = http.post("/subjects/a-value/versions", schemaBody(OTHER));
    HttpTestClient.Reply full = http.post("/subjects/b-value/versions", schemaBody(OTHER));

    assertThat(none.status()).isEqualTo(200);
    assertError(full, 409, 409);
    assertThat(full.message()).contains("FULL_TRANSITIVE");
  }

  @Test
  void shouldRejectInvalidCompatibilityLevels() {
    assertError(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertError(http.put("/config/a-value", "{\"compatibility\":null}"), 422, 42203);
    assertError(http.put("/config/a-value", "{}"), 422, 42203);
    assertError(http.put("/config", "nope"), 422, 42203);
    assertThat(http.get("/config").body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
  }

  @Test
  void shouldRefuseBodiesOverOneMebibyte() {
    String padding = " ".repeat(EmbeddedSchemaRegistry.DEFAULT_MAX_REQUEST_BYTES);
    HttpTestClient.Reply tooLarge =
        http.post("/subjects/a-value/versions", schemaBody(V1) + padding);
    HttpTestClient.Reply justFits =
        http.post(
            "/subjects/a-value/versions",
            schemaBody(V1)
                + padding.substring(
                    schemaBody(V1).length())); // exactly DEFAULT_MAX_REQUEST_BYTES bytes

    assertError(tooLarge, 413, 413);
    assertThat(justFits.status()).isEqualTo(200);
    assertThat(http.get("/subjects").body()).isEqualTo("[\"a-value\"]");
  }

  @Test
  void shouldAnswerUnknownPathsAndWrongMethods() {
    assertError(http.get("/nope"), 404, 404);
    assertError(http.get("/subjects/a-value/nope"), 404, 404);
    assertError(http.get("/schemas"), 404, 404);
    assertError(http.get("/config/a/b"), 404, 404);

    HttpTestClient.Reply wrongMethod = http.send("DELETE", "/subjects", null);
    assertError(wrongMethod, 405, 405);
    assertThat(wrongMethod.allow()).isEqualTo("GET");
    assertError(http.send("PATCH", "/config", "{}"), 405, 405);
    assertError(http.get("/compatibility/subjects/a-value/versions/latest"), 405, 405);
  }

  @Test
  void shouldDecodeSubjectNamesInPaths() {
    HttpTestClient.Reply registered =
        http.post("/subjects/odd%20name%2Bvalue/versions", schemaBody(V1));

    assertThat(registered.status()).isEqualTo(200);
    assertThat(http.get("/subjects").body()).isEqualTo("[\"odd name+value\"]");
  }

  @Test
  void shouldFailClearlyWhenThePortIsBusy() {
    EmbeddedSchemaRegistry second =
        EmbeddedSchemaRegistry.builder().inMemory().port(registry.port()).build();

    assertThatThrownBy(second::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("port already in use")
        .hasMessageContaining(Integer.toString(registry.port()))
        .hasCauseInstanceOf(BindException.class);
    second.close();
  }

  @Test
  void shouldReleaseThePortWhenTheStoreCannotStart() throws Exception {
    int port;
    int closedKafkaPort;
    try (ServerSocket probe = new ServerSocket(0);
        ServerSocket kafkaProbe = new ServerSocket(0)) {
      port = probe.getLocalPort();
      closedKafkaPort = kafkaProbe.getLocalPort();
    }
    EmbeddedSchemaRegistry noKafka =
        EmbeddedSchemaRegistry.builder()
            .bootstrapServers("127.0.0.1:" + closedKafkaPort)
            .kafkaTimeout(Duration.ofSeconds(1))
            .port(port)
            .build();

    assertThatThrownBy(noKafka::start)
        .isInstanceOf(SchemaStoreException.class)
        .hasMessageContaining("tickwatch.schemas");
    try (EmbeddedSchemaRegistry next =
        EmbeddedSchemaRegistry.builder().inMemory().port(port).build().start()) {
      assertThat(next.port()).isEqualTo(port);
    }
  }

  @Test
  void shouldHandOutDistinctIdsToConcurrentRegistrations() throws Exception {
    http.put("/config", "{\"compatibility\":\"NONE\"}");
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> ids = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String schema = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":" + (i + 1) + "}";
        ids.add(
            pool.submit(
                () ->
                    http.post("/subjects/a-value/versions", schemaBody(schema))
                        .json()
                        .get("id")
                        .asInt()));
      }
      Set<Integer> distinct = new HashSet<>();
      for (Future<Integer> id : ids) {
        distinct.add(id.get(30, TimeUnit.SECONDS));
      }

      assertThat(distinct).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1,2,3,4,5,6,7,8]");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldRequireAStoreChoice() {
    assertThatThrownBy(() -> EmbeddedSchemaRegistry.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bootstrapServers");
  }

  @Nested
  class WithAFailingStore {
    private EmbeddedSchemaRegistry failing;

    @BeforeEach
    void start() {
      failing = EmbeddedSchemaRegistry.builder().store(new FailingStore()).port(0).build().start();
    }

    @AfterEach
    void stop() {
      failing.close();
    }

    @Test
    void shouldAnswer500WithTheStoreErrorAndKeepNothing() {
      HttpTestClient client = new HttpTestClient(failing.url());

      HttpTestClient.Reply reply = client.post("/subjects/a-value/versions", schemaBody(V1));

      assertError(reply, 500, RegistryHttpHandler.STORE_ERROR);
      assertThat(reply.message()).contains("disk on fire");
      assertError(client.get("/subjects/a-value/versions"), 404, 40401);
      assertThat(client.get("/subjects").body()).isEqualTo("[]");
    }
  }

  private static void assertError(HttpTestClient.Reply reply, int status, int errorCode) {
    assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo(CONTENT_TYPE);
    if (errorCode != 0) {
      assertThat(reply.json().fieldNames())
          .toIterable()
          .containsExactlyInAnyOrderElementsOf(Set.of("error_code", "message"));
      assertThat(reply.errorCode()).isEqualTo(errorCode);
      assertThat(reply.message()).isNotBlank();
    }
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Tick\",\"namespace\":\"t\",\"fields\":["
        + fields
        + "]}";
  }

  /** A store whose writes fail, as a broker outage would. */
  private static final class FailingStore implements SchemaStore {
    @Override
    public List<StoreEntry> start() {
      return List.of();
    }

    @Override
    public void append(StoreEntry entry) {
      throw new SchemaStoreException("disk on fire");
    }

    @Override
    public String describe() {
      return "failing store";
    }

    @Override
    public void close() {}
  }
}
