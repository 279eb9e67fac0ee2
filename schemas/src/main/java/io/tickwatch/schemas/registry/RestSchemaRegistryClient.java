package io.tickwatch.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, built on {@code
 * java.net.http} and Jackson.
 *
 * <p>Caching: schema-by-id and (subject, schema)-to-id answers are cached without bound or expiry,
 * because the registry never changes them; a process sees a handful of schemas. Subjects, versions
 * and configuration are always fetched.
 *
 * <p>Retries: connection failures, timeouts, HTTP 5xx and 429 are retried with the {@link
 * RetryPolicy}'s exponential backoff; every other 4xx fails at once. A request that still fails
 * throws {@link SchemaRegistryException} with the HTTP status, the Confluent {@code error_code} and
 * message (status 0 when the registry was never reached).
 *
 * <p>Thread-safe. {@link #close()} releases nothing but is kept for the contract.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  /** Content type of Confluent registry requests and responses. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final String ACCEPT =
      CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

  private final String baseUrl;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  /**
   * A client with default timeouts (5 s connect, 10 s per request) and {@link RetryPolicy#DEFAULT}.
   */
  public RestSchemaRegistryClient(String baseUrl) {
    this(builder(baseUrl));
  }

  private RestSchemaRegistryClient(Builder builder) {
    this.baseUrl = stripTrailingSlash(builder.baseUrl);
    this.requestTimeout = builder.requestTimeout;
    this.retryPolicy = builder.retryPolicy;
    this.sleeper = builder.sleeper;
    this.http = HttpClient.newBuilder().connectTimeout(builder.connectTimeout).build();
  }

  /**
   * Starts a builder for a registry at {@code baseUrl}, for example {@code http://localhost:8081}.
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** The registry's base URL without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema.toString());
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = requiredInt(answer, "id");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public int getId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema.toString());
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
    int id = requiredInt(answer, "id");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null);
    Schema schema = parse(requiredText(answer, "schema"));
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  @Override
  public List<String> getSubjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return List.copyOf(subjects);
  }

  @Override
  public List<Integer> getVersions(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("GET", "/subjects/" + encode(subject) + "/versions", null)
        .forEach(node -> versions.add(node.asInt()));
    return List.copyOf(versions);
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    return fetchVersion(subject, Integer.toString(version));
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return fetchVersion(subject, "latest");
  }

  private RegisteredSchema fetchVersion(String subject, String version) {
    JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
    int id = requiredInt(answer, "id");
    Schema schema =
        schemasById.computeIfAbsent(id, ignored -> parse(requiredText(answer, "schema")));
    return new RegisteredSchema(
        answer.path("subject").asText(subject), requiredInt(answer, "version"), id, schema);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode answer =
          send(
              "POST",
              "/compatibility/subjects/" + encode(subject) + "/versions/latest",
              schemaBody(schema));
      JsonNode verdict = answer.get("is_compatible");
      if (verdict == null || !verdict.isBoolean()) {
        throw new SchemaRegistryException(
            200, 0, "Schema registry answered without is_compatible: " + answer);
      }
      return verdict.asBoolean();
    } catch (SchemaRegistryException e) {
      // older registries answer 404 for a subject without versions: nothing to be incompatible with
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
          || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  @Override
  public CompatibilityLevel getCompatibility(Optional<String> subject) {
    String path =
        subject.map(s -> "/config/" + encode(s) + "?defaultToGlobal=true").orElse("/config");
    JsonNode answer = send("GET", path, null);
    JsonNode level =
        answer.has("compatibilityLevel")
            ? answer.get("compatibilityLevel")
            : answer.get("compatibility");
    if (level == null) {
      throw new SchemaRegistryException(
          200, 0, "Schema registry answered without a compatibility level: " + answer);
    }
    return parseLevel(level.asText());
  }

  @Override
  public void setCompatibility(Optional<String> subject, CompatibilityLevel level) {
    ObjectNode body = json.createObjectNode().put("compatibility", level.name());
    send("PUT", subject.map(s -> "/config/" + encode(s)).orElse("/config"), body.toString());
  }

  @Override
  public void close() {
    // java.net.http.HttpClient has no close() before Java 21; its threads are daemons
  }

  private JsonNode send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("Accept", ACCEPT);
    if (body != null) {
      request
          .header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpRequest built = request.build();
    String what = method + " " + baseUrl + path;
    for (int attempt = 0; ; attempt++) {
      boolean lastAttempt = attempt >= retryPolicy.maxRetries();
      try {
        HttpResponse<String> response =
            http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return readJson(response.body(), what, status);
        }
        SchemaRegistryException error = refusal(what, status, response.body());
        if (!retryable(status) || lastAttempt) {
          throw error;
        }
        LOG.debug("Retrying {} after HTTP {}", what, status);
      } catch (IOException e) {
        if (lastAttempt) {
          throw new SchemaRegistryException(
              "Schema registry unreachable: "
                  + what
                  + " failed after "
                  + (attempt + 1)
                  + " attempt(s): "
                  + e,
              e);
        }
        LOG.debug("Retrying {} after {}", what, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("Interrupted during " + what, e);
      }
      try {
        sleeper.sleep(retryPolicy.backoffBeforeRetry(attempt + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("Interrupted while retrying " + what, e);
      }
    }
  }

  private static boolean retryable(int status) {
    return status >= 500 || status == 429;
  }

  private SchemaRegistryException refusal(String what, int status, String body) {
    int errorCode = 0;
    String message = body == null ? "" : body.strip();
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.isObject()) {
        errorCode = node.path("error_code").asInt(0);
        message = node.path("message").asText(message);
      }
    } catch (IOException notJson) {
      // keep the raw body as the message
    }
    return new SchemaRegistryException(
        status,
        errorCode,
        "Schema registry refused "
            + what
            + ": HTTP "
            + status
            + ", error_code "
            + errorCode
            + ": "
            + message);
  }

  private JsonNode readJson(String body, String what, int status) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new SchemaRegistryException(
          status, 0, "Schema registry answered " + what + " with invalid JSON: " + e.getMessage());
    }
  }

  private String schemaBody(Schema schema) {
    return json.createObjectNode()
        .put("schema", schema.toString())
        .put("schemaType", "AVRO")
        .toString();
  }

  private static int requiredInt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException(
          200, 0, "Schema registry answer lacks integer '" + field + "': " + node);
    }
    return value.asInt();
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new SchemaRegistryException(
          200, 0, "Schema registry answer lacks string '" + field + "': " + node);
    }
    return value.asText();
  }

  private static Schema parse(String schemaJson) {
    try {
      return new Schema.Parser().parse(schemaJson);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          200, 0, "Schema registry returned a schema that is not valid Avro: " + e.getMessage());
    }
  }

  private static CompatibilityLevel parseLevel(String text) {
    try {
      return CompatibilityLevel.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(
          200, 0, "Schema registry answered an unknown compatibility level: " + text);
    }
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripTrailingSlash(String url) {
    Objects.requireNonNull(url, "baseUrl");
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
      throw new IllegalArgumentException("schema registry URL must start with http(s)://: " + url);
    }
    return trimmed;
  }

  private record SubjectSchema(String subject, String canonicalSchema) {}

  /** Waits between retries; replaced in tests so that they never sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Options of a {@link RestSchemaRegistryClient}. */
  public static final class Builder {
    private final String baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    private Builder(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** Time allowed to open a connection (default 5 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Time allowed for one request from sending to the full answer (default 10 s). */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Retry policy for connect errors, timeouts, 5xx and 429 (default {@link RetryPolicy#DEFAULT}).
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public RestSchemaRegistryClient build() {
      return new RestSchemaRegistryClient(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
