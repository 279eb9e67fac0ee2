package io.tickwatch.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/** Makes "version 2" of a schema by editing its JSON, the way a developer edits an .avsc. */
final class SchemaEdits {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaEdits() {}

  /** {@code schema} with {@code fieldJson} appended to the fields of its top-level record. */
  static Schema addField(Schema schema, String fieldJson) {
    return edit(schema, root -> ((ArrayNode) root.get("fields")).add(parse(fieldJson)));
  }

  /** {@code schema} without the top-level field {@code name}. */
  static Schema removeField(Schema schema, String name) {
    return edit(
        schema,
        root -> {
          ArrayNode fields = (ArrayNode) root.get("fields");
          for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(name)) {
              fields.remove(i);
              return;
            }
          }
          throw new IllegalArgumentException("no field " + name);
        });
  }

  /** {@code schema} with {@code symbol} appended to the named enum defined somewhere inside it. */
  static Schema addEnumSymbol(Schema schema, String enumName, String symbol) {
    return edit(schema, root -> ((ArrayNode) findNamed(root, enumName).get("symbols")).add(symbol));
  }

  /** {@code schema} with {@code branchJson} appended to the union type of top-level field. */
  static Schema addUnionBranch(Schema schema, String fieldName, String branchJson) {
    return edit(
        schema,
        root -> {
          for (JsonNode field : root.get("fields")) {
            if (field.get("name").asText().equals(fieldName)) {
              ((ArrayNode) field.get("type")).add(parse(branchJson));
              return;
            }
          }
          throw new IllegalArgumentException("no field " + fieldName);
        });
  }

  private static Schema edit(Schema schema, Consumer<ObjectNode> change) {
    ObjectNode root = (ObjectNode) parse(schema.toString());
    change.accept(root);
    return new Schema.Parser().parse(root.toString());
  }

  private static ObjectNode findNamed(JsonNode node, String name) {
    if (node.isObject() && node.has("name") && node.get("name").asText().equals(name)) {
      if (node.has("symbols")) {
        return (ObjectNode) node;
      }
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        ObjectNode found = findNamedOrNull(child, name);
        if (found != null) {
          return found;
        }
      }
    }
    throw new IllegalArgumentException("no enum " + name);
  }

  private static ObjectNode findNamedOrNull(JsonNode node, String name) {
    try {
      return findNamed(node, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
