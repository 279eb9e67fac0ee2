package io.tickwatch.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.topic.TopicSpec;
import io.tickwatch.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules every topic schema follows (docs/topics.md, "Compatibility"), and the build-time
 * compatibility gate: the current schema of every topic must read data written with every released
 * version in {@code src/test/resources/io/tickwatch/schemas/avro/history/<Name>/v<N>.avsc}
 * (BACKWARD_TRANSITIVE). Run with {@code -Dtickwatch.schemas.snapshot=true} to add the current
 * schema as the next version when it changed (do this when releasing).
 */
class SchemaContractTest {
  private static final Path HISTORY =
      Path.of("src/test/resources/io/tickwatch/schemas/avro/history");

  static Stream<TopicSpec<?>> avroTopics() {
    return Topics.all().stream().filter(TopicSpec::isAvro);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("avroTopics")
  void shouldDocumentEveryRecordEnumAndField(TopicSpec<?> topic) {
    List<String> undocumented = new ArrayList<>();
    visitNamed(
        topic.valueSchema().orElseThrow(),
        new HashSet<>(),
        named -> {
          if (isBlank(named.getDoc())) {
            undocumented.add(named.getFullName());
          }
          if (named.getType() == Schema.Type.RECORD) {
            for (Schema.Field field : named.getFields()) {
              if (isBlank(field.doc())) {
                undocumented.add(named.getName() + "." + field.name());
              }
            }
          }
        });

    assertThat(undocumented).as("types and fields without a doc").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("avroTopics")
  void shouldDefaultEveryNullableFieldToNull(TopicSpec<?> topic) {
    List<String> violations = new ArrayList<>();
    visitNamed(
        topic.valueSchema().orElseThrow(),
        new HashSet<>(),
        named -> {
          if (named.getType() != Schema.Type.RECORD) {
            return;
          }
          for (Schema.Field field : named.getFields()) {
            Schema type = field.schema();
            boolean nullable =
                type.getType() == Schema.Type.UNION
                    && type.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
            if (nullable
                && (!field.hasDefaultValue()
                    || type.getTypes().get(0).getType() != Schema.Type.NULL)) {
              violations.add(named.getName() + "." + field.name());
            }
          }
        });

    assertThat(violations).as("nullable fields without a null default").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("avroTopics")
  void shouldNameEveryTimestampFieldInMillis(TopicSpec<?> topic) {
    List<String> violations = new ArrayList<>();
    visitNamed(
        topic.valueSchema().orElseThrow(),
        new HashSet<>(),
        named -> {
          if (named.getType() != Schema.Type.RECORD) {
            return;
          }
          for (Schema.Field field : named.getFields()) {
            Schema type = field.schema();
            List<Schema> branches =
                type.getType() == Schema.Type.UNION ? type.getTypes() : List.of(type);
            boolean timestamp =
                branches.stream()
                    .anyMatch(b -> b.getLogicalType() instanceof LogicalTypes.TimestampMillis);
            if (timestamp && !field.name().endsWith("Millis")) {
              violations.add(named.getName() + "." + field.name());
            }
          }
        });

    assertThat(violations)
        .as("timestamp-millis fields whose name does not end in Millis")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("avroTopics")
  void shouldReadEveryReleasedVersionOfItsSchema(TopicSpec<?> topic) throws IOException {
    Schema current = topic.valueSchema().orElseThrow();
    Path dir = HISTORY.resolve(current.getName());
    List<Path> versions = versions(dir);
    if (Boolean.getBoolean("tickwatch.schemas.snapshot")) {
      versions = snapshotIfChanged(current, dir, versions);
    }

    assertThat(versions)
        .as(
            "released versions of %s in %s (run with -Dtickwatch.schemas.snapshot=true)",
            current.getName(), dir)
        .isNotEmpty();
    for (Path version : versions) {
      Schema released = new Schema.Parser().parse(version.toFile());
      SchemaCompatibility.SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(current, released);
      assertThat(result.getType())
          .as(
              "current %s reads data written with %s: %s",
              current.getName(), version, result.getResult().getIncompatibilities())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  private static List<Path> versions(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted((a, b) -> Integer.compare(versionNumber(a), versionNumber(b)))
          .toList();
    }
  }

  private static int versionNumber(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
  }

  private static List<Path> snapshotIfChanged(Schema current, Path dir, List<Path> versions)
      throws IOException {
    if (!versions.isEmpty()) {
      Schema latest = new Schema.Parser().parse(versions.get(versions.size() - 1).toFile());
      if (latest.equals(current)) {
        return versions;
      }
    }
    Files.createDirectories(dir);
    Path next = dir.resolve("v" + (versions.size() + 1) + ".avsc");
    Files.writeString(next, current.toString(true) + "\n");
    List<Path> updated = new ArrayList<>(versions);
    updated.add(next);
    return updated;
  }

  private static void visitNamed(
      Schema schema, Set<String> seen, java.util.function.Consumer<Schema> visitor) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          visitor.accept(schema);
          schema.getFields().forEach(f -> visitNamed(f.schema(), seen, visitor));
        }
      }
      case ENUM, FIXED -> {
        if (seen.add(schema.getFullName())) {
          visitor.accept(schema);
        }
      }
      case ARRAY -> visitNamed(schema.getElementType(), seen, visitor);
      case MAP -> visitNamed(schema.getValueType(), seen, visitor);
      case UNION -> schema.getTypes().forEach(t -> visitNamed(t, seen, visitor));
      default -> {}
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  @Test
  void shouldKeepTheHistoryDirectoryNextToThisTest() {
    assertThat(HISTORY).isDirectory();
  }
}
