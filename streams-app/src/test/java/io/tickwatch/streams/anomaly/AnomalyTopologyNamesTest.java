package io.tickwatch.streams.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Pins every processor, store and topic name: renaming a store or the repartition topic abandons
 * its changelog (detector state lost on upgrade), so a rename must be a deliberate change here.
 */
class AnomalyTopologyNamesTest {

  private static final TopologyDescription DESCRIPTION =
      AnomalyTopology.build(AnomalyConfig.defaults(), new InMemorySchemaRegistryClient())
          .describe();

  @Test
  void shouldPinEveryProcessorName() {
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : DESCRIPTION.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        names.add(node.name());
      }
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "anomaly-stats-source",
            "anomaly-host-finals",
            "anomaly-key-by-host",
            "anomaly-rules-source",
            "anomaly-rules-validate",
            "anomaly-rules-accepted",
            "anomaly-rules-updates",
            "anomaly-rules-rejected",
            "anomaly-rules-dead-letters",
            "anomaly-rules-dead-letter-sink",
            "anomaly-inputs-merge",
            "anomaly-by-host-repartition-filter",
            "anomaly-by-host-repartition-sink",
            "anomaly-by-host-repartition-source",
            "anomaly-detect",
            "anomaly-events-sink");
  }

  @Test
  void shouldPinEveryStoreName() {
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : DESCRIPTION.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        }
      }
    }
    assertThat(stores).containsExactly("anomaly-detector-state", "anomaly-rules");
  }

  @Test
  void shouldPinEveryTopicName() {
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : DESCRIPTION.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          topics.addAll(source.topicSet());
        }
        if (node instanceof TopologyDescription.Sink sink) {
          topics.add(sink.topic());
        }
      }
    }
    assertThat(topics)
        .containsExactlyInAnyOrder(
            "tickwatch.stats",
            "tickwatch.anomaly-rules",
            "tickwatch.dead-letter",
            "tickwatch.anomalies",
            "anomaly-by-host-repartition");
    assertThat(DESCRIPTION.globalStores()).isEmpty();
  }
}
