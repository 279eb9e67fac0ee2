package io.tickwatch.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tickwatch.schemas.registry.CompatibilityChecker;
import io.tickwatch.schemas.registry.CompatibilityLevel;
import io.tickwatch.schemas.registry.SchemaRegistryException;
import io.tickwatch.schemas.registry.store.SchemaStoreException;
import io.tickwatch.schemas.registry.store.StoreEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the Confluent Schema Registry REST API onto {@link SchemaRegistryService}: routing, request
 * bodies, JSON answers and Confluent error bodies ({@code {"error_code": N, "message": "..."}}).
 */
final class RegistryHttpHandler implements HttpHandler {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /** Confluent's error code for a failure of the backing store. */
  static final int STORE_ERROR = 50001;

  /** Most bytes of an oversized request body read and dropped before answering 413. */
  private static final long MAX_DRAIN_BYTES = 64L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistryService service;
  private final int maxRequestBytes;

  RegistryHttpHandler(SchemaRegistryService service, int maxRequestBytes) {
    this.service = service;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      try {
        answer = route(exchange);
      } catch (MethodNotAllowed e) {
        answer = error(405, 405, e.getMessage()).withAllow(e.allow);
      } catch (SchemaRegistryException e) {
        answer = error(e.httpStatus(), e.errorCode(), e.getMessage());
      } catch (SchemaStoreException e) {
        LOG.error(
            "Schema store failed during {} {}",
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            e);
        answer = error(500, STORE_ERROR, "Error in the backend data store: " + e.getMessage());
      } catch (RuntimeException e) {
        LOG.error(
            "Internal error during {} {}",
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            e);
        answer = error(500, 500, "Internal error: " + e);
      }
      send(exchange, answer);
    }
  }

  private Answer route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> path = segments(exchange.getRequestURI().getRawPath());
    int size = path.size();
    String head = size == 0 ? "" : path.get(0);
    switch (head) {
      case "":
        requireMethod(method, "GET");
        return ok(JSON.createObjectNode());
      case "schemas":
        if (size == 2 && path.get(1).equals("types")) {
          requireMethod(method, "GET");
          return ok(JSON.createArrayNode().add("AVRO"));
        }
        if (size >= 3 && size <= 4 && path.get(1).equals("ids")) {
          if (size == 4 && !path.get(3).equals("versions")) {
            break;
          }
          requireMethod(method, "GET");
          int id = parseId(path.get(2));
          return size == 3 ? ok(schemaAnswer(service.schemaById(id))) : ok(usages(id));
        }
        break;
      case "subjects":
        return subjects(exchange, method, path);
      case "compatibility":
        if ((size == 4 || size == 5)
            && path.get(1).equals("subjects")
            && path.get(3).equals("versions")) {
          requireMethod(method, "POST");
          String schema = schemaFromBody(readBody(exchange));
          Optional<String> version = size == 5 ? Optional.of(path.get(4)) : Optional.empty();
          return ok(verdict(service.checkCompatibility(path.get(2), version, schema)));
        }
        break;
      case "config":
        if (size <= 2) {
          Optional<String> subject = size == 2 ? Optional.of(path.get(1)) : Optional.empty();
          requireMethod(method, "GET", "PUT");
          if (method.equals("GET")) {
            CompatibilityLevel level =
                subject.map(service::levelOf).orElseGet(service::globalLevel);
            return ok(JSON.createObjectNode().put("compatibilityLevel", level.name()));
          }
          CompatibilityLevel level = levelFromBody(readBody(exchange));
          service.setLevel(subject, level);
          return ok(JSON.createObjectNode().put("compatibility", level.name()));
        }
        break;
      default:
        break;
    }
    throw notFound();
  }

  private Answer subjects(HttpExchange exchange, String method, List<String> path)
      throws IOException {
    int size = path.size();
    if (size == 1) {
      requireMethod(method, "GET");
      return ok(strings(service.subjects()));
    }
    String subject = path.get(1);
    if (size == 2) {
      requireMethod(method, "POST");
      return ok(versionAnswer(service.lookup(subject, schemaFromBody(readBody(exchange)))));
    }
    if (!path.get(2).equals("versions") || size > 5) {
      throw notFound();
    }
    if (size == 3) {
      requireMethod(method, "GET", "POST");
      if (method.equals("GET")) {
        ArrayNode versions = JSON.createArrayNode();
        service.versions(subject).forEach(versions::add);
        return ok(versions);
      }
      int id = service.register(subject, schemaFromBody(readBody(exchange)));
      return ok(JSON.createObjectNode().put("id", id));
    }
    if (size == 5 && !path.get(4).equals("schema")) {
      throw notFound();
    }
    requireMethod(method, "GET");
    StoreEntry.SchemaVersion version = service.version(subject, path.get(3));
    return size == 4 ? ok(versionAnswer(version)) : new Answer(200, version.schema());
  }

  private static ObjectNode schemaAnswer(String schema) {
    return JSON.createObjectNode().put("schema", schema);
  }

  private ArrayNode usages(int id) {
    ArrayNode usages = JSON.createArrayNode();
    for (StoreEntry.SchemaVersion usage : service.usagesOf(id)) {
      usages.addObject().put("subject", usage.subject()).put("version", usage.version());
    }
    return usages;
  }

  private static ObjectNode versionAnswer(StoreEntry.SchemaVersion version) {
    return JSON.createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema());
  }

  private static ObjectNode verdict(CompatibilityChecker.Result result) {
    ObjectNode verdict = JSON.createObjectNode().put("is_compatible", result.compatible());
    if (!result.compatible()) {
      ArrayNode messages = verdict.putArray("messages");
      result.messages().forEach(messages::add);
    }
    return verdict;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static String schemaFromBody(String body) {
    JsonNode request = parseBody(body, SchemaRegistryException.INVALID_SCHEMA);
    JsonNode type = request.get("schemaType");
    if (type != null && !type.isNull() && !type.asText().equals("AVRO")) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: unsupported schemaType " + type + "; this registry serves AVRO only");
    }
    JsonNode references = request.get("references");
    if (references != null && references.isArray() && !references.isEmpty()) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: schema references are not supported; inline the named types");
    }
    JsonNode schema = request.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_SCHEMA,
          "Invalid schema: the request body needs a string field \"schema\"");
    }
    return schema.asText();
  }

  private static CompatibilityLevel levelFromBody(String body) {
    JsonNode request = parseBody(body, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL);
    JsonNode level =
        request.has("compatibility")
            ? request.get("compatibility")
            : request.get("compatibilityLevel");
    String text = level == null || level.isNull() ? "" : level.asText();
    try {
      return CompatibilityLevel.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
          "Invalid compatibility level \""
              + text
              + "\". Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
              + " FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
    }
  }

  private static JsonNode parseBody(String body, int errorCode) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(
          422, errorCode, "Invalid request body: not JSON: " + e.getOriginalMessage());
    }
    throw new SchemaRegistryException(
        422, errorCode, "Invalid request body: expected a JSON object");
  }

  private String readBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && parseLength(declared) > maxRequestBytes) {
      drain(in);
      throw tooLarge();
    }
    byte[] bytes = in.readNBytes(maxRequestBytes + 1);
    if (bytes.length > maxRequestBytes) {
      drain(in);
      throw tooLarge();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Reads and drops the rest of an oversized body (up to {@link #MAX_DRAIN_BYTES}) before the 413
   * goes out: closing a socket with unread input resets the connection, and the client would lose
   * the answer.
   */
  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long drained = 0;
    int read;
    while (drained < MAX_DRAIN_BYTES && (read = in.read(buffer)) > 0) {
      drained += read;
    }
  }

  private static long parseLength(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1; // malformed: the bounded read enforces the limit
    }
  }

  private SchemaRegistryException tooLarge() {
    return new SchemaRegistryException(
        413, 413, "Request body larger than " + maxRequestBytes + " bytes");
  }

  private static int parseId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
    }
  }

  private static void requireMethod(String method, String... allowed) {
    for (String candidate : allowed) {
      if (candidate.equals(method)) {
        return;
      }
    }
    throw new MethodNotAllowed(String.join(", ", allowed));
  }

  private static SchemaRegistryException notFound() {
    return new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  private static Answer ok(JsonNode body) {
    return new Answer(200, body.toString());
  }

  private static Answer error(int status, int errorCode, String message) {
    ObjectNode body = JSON.createObjectNode().put("error_code", errorCode).put("message", message);
    return new Answer(status, body.toString());
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    if (answer.allow() != null) {
      exchange.getResponseHeaders().set("Allow", answer.allow());
    }
    if (answer.status() == 413) {
      // the rest of an oversized body may still be unread: the server closes this connection,
      // and saying so keeps clients from reusing it for their next request
      exchange.getResponseHeaders().set("Connection", "close");
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int status, String body, String allow) {
    Answer(int status, String body) {
      this(status, body, null);
    }

    Answer withAllow(String methods) {
      return new Answer(status, body, methods);
    }
  }

  /** Refusal of a known path with the wrong method; carries the Allow header. */
  private static final class MethodNotAllowed extends SchemaRegistryException {
    private static final long serialVersionUID = 1L;
    private final String allow;

    MethodNotAllowed(String allow) {
      super(405, 405, "HTTP 405 Method Not Allowed; allowed: " + allow);
      this.allow = allow;
    }
  }
}
