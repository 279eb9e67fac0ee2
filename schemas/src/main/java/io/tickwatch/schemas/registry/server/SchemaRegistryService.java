package io.tickwatch.schemas.registry.server;

import io.tickwatch.schemas.registry.CompatibilityChecker;
import io.tickwatch.schemas.registry.CompatibilityLevel;
import io.tickwatch.schemas.registry.RegisteredSchema;
import io.tickwatch.schemas.registry.SchemaRegistryException;
import io.tickwatch.schemas.registry.store.SchemaStore;
import io.tickwatch.schemas.registry.store.StoreEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The registry's operations, independent of HTTP. Refusals are thrown as {@link
 * SchemaRegistryException} with the HTTP status and Confluent error code to answer.
 *
 * <p>Thread-safe: every operation holds the instance lock, so writes are serialised and a write is
 * stored before any later request can observe it.
 */
final class SchemaRegistryService {
  private final SchemaStore store;
  private final RegistryState state = new RegistryState();

  SchemaRegistryService(SchemaStore store) {
    this.store = store;
  }

  /** Loads the store's entries. Called once before serving. */
  synchronized void start() {
    store.start().forEach(state::apply);
  }

  /** Registers {@code schemaJson} under {@code subject}; answers the existing id if present. */
  synchronized int register(String subject, String schemaJson) {
    Schema schema = parse(schemaJson);
    String canonical = schema.toString();
    List<StoreEntry.SchemaVersion> versions = state.versions(subject);
    for (StoreEntry.SchemaVersion existing : versions) {
      if (existing.schema().equals(canonical)) {
        return existing.id();
      }
    }
    CompatibilityChecker.Result verdict =
        CompatibilityChecker.check(schema, registered(versions), levelOf(subject));
    if (!verdict.compatible()) {
      throw new SchemaRegistryException(
          409,
          SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\" under "
              + levelOf(subject)
              + ", details: "
              + verdict.messages());
    }
    int id = state.idOf(canonical).orElseGet(state::nextId);
    int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    write(new StoreEntry.SchemaVersion(subject, version, id, canonical));
    return id;
  }

  /** Finds {@code schemaJson} among the versions of {@code subject}. */
  synchronized StoreEntry.SchemaVersion lookup(String subject, String schemaJson) {
    String canonical = parse(schemaJson).toString();
    List<StoreEntry.SchemaVersion> versions = existingVersions(subject);
    return versions.stream()
        .filter(v -> v.schema().equals(canonical))
        .findFirst()
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found under subject \"" + subject + "\""));
  }

  synchronized List<String> subjects() {
    return state.subjects();
  }

  synchronized List<Integer> versions(String subject) {
    return existingVersions(subject).stream().map(StoreEntry.SchemaVersion::version).toList();
  }

  /**
   * One version of a subject.
   *
   * @param version a positive number, or "latest" / "-1"
   */
  synchronized StoreEntry.SchemaVersion version(String subject, String version) {
    List<StoreEntry.SchemaVersion> versions = existingVersions(subject);
    Optional<Integer> number = parseVersion(version);
    if (number.isEmpty()) {
      return versions.get(versions.size() - 1);
    }
    return state
        .version(subject, number.get())
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    404,
                    SchemaRegistryException.VERSION_NOT_FOUND,
                    "Version " + version + " not found for subject \"" + subject + "\""));
  }

  synchronized String schemaById(int id) {
    return state
        .schemaById(id)
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found"));
  }

  synchronized List<StoreEntry.SchemaVersion> usagesOf(int id) {
    schemaById(id);
    return state.usagesOf(id);
  }

  /**
   * Tests {@code schemaJson} against one version ({@code version} given) or against what
   * registration would check ({@code version} empty). A subject without versions accepts anything
   * when checked against "latest" or all versions.
   */
  synchronized CompatibilityChecker.Result checkCompatibility(
      String subject, Optional<String> version, String schemaJson) {
    Schema schema = parse(schemaJson);
    CompatibilityLevel level = levelOf(subject);
    boolean latest = version.isEmpty() || parseVersion(version.get()).isEmpty();
    if (latest && state.versions(subject).isEmpty()) {
      return CompatibilityChecker.Result.COMPATIBLE;
    }
    if (version.isEmpty()) {
      return CompatibilityChecker.check(schema, registered(state.versions(subject)), level);
    }
    StoreEntry.SchemaVersion against = version(subject, version.get());
    return CompatibilityChecker.check(schema, registered(List.of(against)), level);
  }

  synchronized CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  /** The subject's own level, else the global one. */
  synchronized CompatibilityLevel levelOf(String subject) {
    return state.subjectLevel(subject).orElse(state.globalLevel());
  }

  synchronized void setLevel(Optional<String> subject, CompatibilityLevel level) {
    write(new StoreEntry.Config(subject, level));
  }

  private void write(StoreEntry entry) {
    store.append(entry);
    state.apply(entry);
  }

  private List<StoreEntry.SchemaVersion> existingVersions(String subject) {
    List<StoreEntry.SchemaVersion> versions = state.versions(subject);
    if (versions.isEmpty()) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject \"" + subject + "\" not found");
    }
    return versions;
  }

  /** Empty for "latest" / -1; the number otherwise. */
  private static Optional<Integer> parseVersion(String version) {
    if (version.equals("latest") || version.equals("-1")) {
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(version);
      if (number >= 1) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // fall through to the refusal
    }
    throw new SchemaRegistryException(
        422,
        SchemaRegistryException.INVALID_VERSION,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  private static List<RegisteredSchema> registered(List<StoreEntry.SchemaVersion> versions) {
    List<RegisteredSchema> result = new ArrayList<>(versions.size());
    for (StoreEntry.SchemaVersion v : versions) {
      result.add(new RegisteredSchema(v.subject(), v.version(), v.id(), parse(v.schema())));
    }
    return result;
  }

  static Schema parse(String schemaJson) {
    if (schemaJson == null || schemaJson.isBlank()) {
      throw new SchemaRegistryException(
          422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: empty schema");
    }
    try {
      return new Schema.Parser().parse(schemaJson);
    } catch (RuntimeException e) { // SchemaParseException, AvroTypeException for bad defaults, ...
      String reason = String.valueOf(e.getMessage());
      if (reason.contains("UnresolvedSchema")) {
        // Avro 1.12 names a placeholder instead of the missing type
        reason =
            "it uses a type name that is neither an Avro primitive nor a named type defined in the"
                + " schema (named types must be defined inline, references are not supported)";
      }
      throw new SchemaRegistryException(
          422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + reason);
    }
  }
}
