package io.tickwatch.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/asyncapi.yaml} describes every catalogue topic: a channel with its address,
 * partitions and cleanup policy, and for Avro topics a message whose schema is the topic's .avsc.
 */
class AsyncApiDocumentTest {
  private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

  @Test
  void shouldDescribeEveryCatalogueTopicAsAChannel() throws IOException {
    String yaml = Files.readString(DOCUMENT);
    assertThat(yaml).startsWith("#").contains("\nasyncapi: 3.0.0\n");
    for (TopicSpec<?> topic : Topics.all()) {
      Matcher channel =
          Pattern.compile(
                  "\n  (\\w+):\n    address: "
                      + Pattern.quote(topic.name())
                      + "\n(?:    .*\n|      .*\n)*?        partitions: (\\d+)\n"
                      + "        topicConfiguration:\n          cleanup.policy: \\[\"(\\w+)\"\\]")
              .matcher(yaml);
      assertThat(channel.find()).as("channel of " + topic.name()).isTrue();
      assertThat(Integer.parseInt(channel.group(2)))
          .as(topic.name() + " partitions")
          .isEqualTo(topic.partitions());
      assertThat(channel.group(3))
          .as(topic.name() + " cleanup policy")
          .isEqualTo(topic.compacted() ? "compact" : "delete");
      String id = channel.group(1);
      assertThat(yaml).contains("'#/channels/" + id + "'");
      if (topic.isAvro()) {
        String file = topic.valueSchemaFile().orElseThrow();
        String name = Path.of(file).getFileName().toString();
        assertThat(yaml)
            .as(topic.name() + " schema reference")
            .containsPattern(
                "    "
                    + id
                    + "Record:\n(?:      .*\n)*?          \\$ref: '\\.\\./schemas/src/main/avro/topics/"
                    + Pattern.quote(name)
                    + "'");
        assertThat(Path.of("src/main/avro/topics", name)).exists();
      }
    }
  }
}
