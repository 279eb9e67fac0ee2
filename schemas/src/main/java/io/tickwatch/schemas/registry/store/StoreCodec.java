package io.tickwatch.schemas.registry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON keys and values of the schemas topic, in the shape of Confluent's {@code _schemas} topic.
 *
 * <pre>
 * key   {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}
 * value {"subject":"s","version":1,"id":7,"schema":"...","deleted":false}
 * key   {"keytype":"CONFIG","subject":"s","magic":0}      (subject null: the global level)
 * value {"compatibilityLevel":"FULL"}
 * </pre>
 *
 * Other key types (Confluent's NOOP, MODE, DELETE_SUBJECT ...) are ignored on read. Thread-safe.
 */
final class StoreCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreCodec() {}

  static byte[] key(StoreEntry entry) {
    ObjectNode key = JSON.createObjectNode();
    if (entry instanceof StoreEntry.SchemaVersion schema) {
      key.put("keytype", "SCHEMA")
          .put("subject", schema.subject())
          .put("version", schema.version())
          .put("magic", 1);
    } else if (entry instanceof StoreEntry.Config config) {
      key.put("keytype", "CONFIG");
      if (config.subject().isPresent()) {
        key.put("subject", config.subject().get());
      } else {
        key.putNull("subject");
      }
      key.put("magic", 0);
    }
    return bytes(key);
  }

  static byte[] value(StoreEntry entry) {
    ObjectNode value = JSON.createObjectNode();
    if (entry instanceof StoreEntry.SchemaVersion schema) {
      value
          .put("subject", schema.subject())
          .put("version", schema.version())
          .put("id", schema.id())
          .put("schema", schema.schema())
          .put("deleted", false);
    } else if (entry instanceof StoreEntry.Config config) {
      value.put("compatibilityLevel", config.level().name());
    }
    return bytes(value);
  }

  /**
   * Decodes one record. Returns empty for key types this registry does not use, for tombstones
   * ({@code value == null}) and for soft-deleted schemas.
   *
   * @throws SchemaStoreException for a key or value that is not the expected JSON
   */
  static Optional<StoreEntry> decode(byte[] key, byte[] value) {
    try {
      JsonNode keyNode = JSON.readTree(key);
      if (keyNode == null || value == null) {
        return Optional.empty();
      }
      JsonNode valueNode = JSON.readTree(value);
      String keyType = keyNode.path("keytype").asText("");
      switch (keyType) {
        case "SCHEMA":
          if (valueNode.path("deleted").asBoolean(false)) {
            return Optional.empty();
          }
          return Optional.of(
              new StoreEntry.SchemaVersion(
                  valueNode.get("subject").asText(),
                  valueNode.get("version").asInt(),
                  valueNode.get("id").asInt(),
                  valueNode.get("schema").asText()));
        case "CONFIG":
          JsonNode subject = keyNode.get("subject");
          return Optional.of(
              new StoreEntry.Config(
                  subject == null || subject.isNull()
                      ? Optional.empty()
                      : Optional.of(subject.asText()),
                  CompatibilityLevel.valueOf(valueNode.get("compatibilityLevel").asText())));
        default:
          return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      throw new SchemaStoreException(
          "Unreadable record in the schemas topic: key="
              + new String(key, StandardCharsets.UTF_8)
              + " value="
              + (value == null ? "null" : new String(value, StandardCharsets.UTF_8)),
          e);
    }
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
