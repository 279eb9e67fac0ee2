package io.tickwatch.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.SampleBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {
  /** .avsc files under topics/ that are deliberately not the value of any topic. None today. */
  private static final Set<String> SHARED_SCHEMA_FILES = Set.of();

  private static final Path TOPIC_SCHEMAS = Path.of("src/main/avro/topics");
  private static final Path TOPICS_DOC = Path.of("../docs/topics.md");

  @Test
  void shouldPinEveryTopicName() {
    assertThat(Topics.all())
        .extracting(TopicSpec::name)
        .containsExactly(
            "tickwatch.samples",
            "tickwatch.stats",
            "tickwatch.stats-live",
            "tickwatch.anomalies",
            "tickwatch.anomaly-rules",
            "tickwatch.alerts",
            "tickwatch.alert-history",
            "tickwatch.control",
            "tickwatch.profiles",
            "tickwatch.experiments",
            "tickwatch.ab-results",
            "tickwatch.actions",
            "tickwatch.silences",
            "tickwatch.dead-letter",
            "tickwatch.schemas");
  }

  @Test
  void shouldStartEveryTopicNameWithTheProductPrefix() {
    assertThat(Topics.all()).allSatisfy(t -> assertThat(t.name()).startsWith("tickwatch."));
    assertThatThrownBy(
            () ->
                new TopicSpec<>(
                    "samples", "x", List.of(), "k", SampleBatch.class, 1, 1, false, List.of(), "d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tickwatch.");
  }

  @Test
  void shouldUseEveryTopicSchemaFileForSomeTopic() throws IOException {
    Set<String> usedFiles =
        Topics.all().stream()
            .flatMap(t -> t.valueSchemaFile().stream())
            .map(f -> f.substring("topics/".length()))
            .collect(Collectors.toSet());

    try (Stream<Path> files = Files.list(TOPIC_SCHEMAS)) {
      Set<String> schemaFiles =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".avsc"))
              .collect(Collectors.toSet());
      assertThat(schemaFiles).isNotEmpty();
      assertThat(schemaFiles)
          .allSatisfy(
              f ->
                  assertThat(usedFiles.contains(f) || SHARED_SCHEMA_FILES.contains(f))
                      .as("%s is the value of a topic or listed as shared", f)
                      .isTrue());
      assertThat(schemaFiles).containsAll(usedFiles);
    }
  }

  @Test
  void shouldGenerateEachValueClassFromTheFileTheCatalogueNames() throws IOException {
    for (TopicSpec<?> topic : Topics.all()) {
      if (topic.valueSchemaFile().isEmpty()) {
        continue;
      }
      Path file = TOPIC_SCHEMAS.resolve(topic.valueSchemaFile().get().substring(7));
      String json = Files.readString(file);
      assertThat(json)
          .as(topic.name())
          .contains("\"name\": \"" + topic.valueType().getSimpleName() + "\"")
          .contains("\"namespace\": \"io.tickwatch.avro\"");
    }
  }

  @Test
  void shouldGiveEveryTopicADistinctNameAndAValueSubject() {
    assertThat(Topics.all()).extracting(TopicSpec::name).doesNotHaveDuplicates();
    assertThat(Topics.SAMPLES.valueSubject()).isEqualTo("tickwatch.samples-value");
    assertThat(Topics.byName("tickwatch.alerts")).contains(Topics.ALERTS);
    assertThat(Topics.byName("tickwatch.nope")).isEmpty();
  }

  @Test
  void shouldCarryAvroValuesOnEveryTopicButTheRegistryStore() {
    assertThat(Topics.all())
        .filteredOn(t -> !t.isAvro())
        .containsExactly(Topics.ANOMALY_RULES, Topics.SILENCES, Topics.SCHEMAS);
    assertThat(Topics.SAMPLES.valueSchema()).contains(SampleBatch.getClassSchema());
    assertThat(Topics.SCHEMAS.valueSchema()).isEmpty();
  }

  @Test
  void shouldCompactTheStateTopicsAndDeleteTheOthersByAge() {
    assertThat(Topics.all())
        .filteredOn(TopicSpec::compacted)
        .containsExactlyInAnyOrder(
            Topics.ANOMALY_RULES,
            Topics.ALERTS,
            Topics.EXPERIMENTS,
            Topics.SILENCES,
            Topics.SCHEMAS);
    assertThat(Topics.all())
        .filteredOn(TopicSpec::compacted)
        .allSatisfy(t -> assertThat(t.retentionMs()).isEqualTo(-1));
    assertThat(Topics.all())
        .filteredOn(t -> !t.compacted())
        .allSatisfy(t -> assertThat(t.retentionMs()).isPositive());
  }

  @Test
  void shouldStoreSchemasInOnePartitionAsConfluentDoes() {
    assertThat(Topics.SCHEMAS.partitions()).isEqualTo(1);
  }

  @Test
  void shouldBuildAdminNewTopicsWithCleanupPolicyAndRetention() {
    NewTopic samples = Topics.SAMPLES.toNewTopic((short) 1);
    NewTopic alerts = Topics.ALERTS.toNewTopic((short) 3);

    assertThat(samples.name()).isEqualTo("tickwatch.samples");
    assertThat(samples.numPartitions()).isEqualTo(6);
    assertThat(samples.replicationFactor()).isEqualTo((short) 1);
    assertThat(samples.configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", Long.toString(7L * 24 * 3600 * 1000));
    assertThat(alerts.configs()).containsEntry("cleanup.policy", "compact");
    assertThat(alerts.configs()).doesNotContainKey("retention.ms");
    assertThat(alerts.replicationFactor()).isEqualTo((short) 3);
  }

  @Test
  void shouldDocumentEveryTopicInTopicsMarkdown() throws IOException {
    String doc = Files.readString(TOPICS_DOC);

    for (TopicSpec<?> topic : Topics.all()) {
      String heading = "### `" + topic.name() + "`";
      assertThat(doc).as("docs/topics.md section for %s", topic.name()).contains(heading);
      String section = section(doc, heading);
      assertThat(section)
          .as("docs/topics.md on %s", topic.name())
          .contains("| partitions | " + topic.partitions() + " |")
          .contains("| compacted | " + (topic.compacted() ? "yes" : "no") + " |")
          .contains("| owner | " + topic.owner() + " |");
      topic
          .valueSchemaFile()
          .ifPresent(f -> assertThat(section).contains("schemas/src/main/avro/" + f));
    }
  }

  @Test
  void shouldBuildAStreamsSerdeOnlyForAvroTopics() {
    assertThatThrownBy(() -> Topics.SCHEMAS.valueSerde(null))
        .isInstanceOf(IllegalStateException.class);
  }

  private static String section(String doc, String heading) {
    int start = doc.indexOf(heading);
    int end = doc.indexOf("\n### ", start + heading.length());
    return end < 0 ? doc.substring(start) : doc.substring(start, end);
  }
}
