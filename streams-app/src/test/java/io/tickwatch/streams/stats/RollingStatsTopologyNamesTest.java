package io.tickwatch.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Pins every processor, store and topic name of the topology: renaming a store or an internal topic
 * abandons its changelog (state lost on upgrade), so a rename must be a deliberate change of this
 * test.
 */
class RollingStatsTopologyNamesTest {

  private static final TopologyDescription DESCRIPTION =
      RollingStatsTopology.build(RollingStatsConfig.defaults(), new InMemorySchemaRegistryClient())
          .describe();

  static Set<String> processors(TopologyDescription description) {
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        names.add(node.name());
      }
    }
    return names;
  }

  static Set<String> stores(TopologyDescription description) {
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          names.addAll(processor.stores());
        }
      }
    }
    return names;
  }

  static Set<String> topics(TopologyDescription description) {
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          names.addAll(source.topicSet());
        }
        if (node instanceof TopologyDescription.Sink sink) {
          names.add(sink.topic());
        }
      }
    }
    return names;
  }

  private static final List<String> WINDOWS = List.of("1s", "10s", "1m", "1h");

  @Test
  void shouldPinEveryProcessorName() {
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "stats-samples-source",
                "stats-split-at-window-boundaries",
                "stats-fleet-contributions",
                "stats-fleet-windows",
                "stats-fleet-final",
                "stats-fleet-final-sink",
                "stats-fleet-live",
                "stats-fleet-live-sink",
                "stats-host-rekey",
                "stats-host-finals-by-host-repartition-filter",
                "stats-host-finals-by-host-repartition-sink",
                "stats-host-finals-by-host-repartition-source",
                "stats-fleet-by-series-repartition-filter",
                "stats-fleet-by-series-repartition-sink",
                "stats-fleet-by-series-repartition-source"));
    for (String scope : List.of("host")) {
      for (String window : WINDOWS) {
        for (String suffix :
            List.of(
                "aggregate",
                "final",
                "final-stream",
                "final-series",
                "final-sink",
                "live",
                "live-stream",
                "live-series",
                "live-sink")) {
          expected.add("stats-" + scope + "-" + window + "-" + suffix);
        }
      }
    }

    assertThat(processors(DESCRIPTION)).containsExactlyElementsOf(expected);
    assertThat(processors(DESCRIPTION)).noneMatch(name -> name.matches(".*-\\d{10}$"));
  }

  @Test
  void shouldPinEveryStoreName() {
    Set<String> expected = new TreeSet<>(List.of("stats-fleet-progress"));
    for (String window : WINDOWS) {
      expected.add("stats-host-" + window);
      expected.add("stats-host-" + window + "-final-store");
      expected.add("stats-host-" + window + "-live-store");
      expected.add("stats-fleet-" + window);
    }

    assertThat(stores(DESCRIPTION)).containsExactlyElementsOf(expected);
    assertThat(RollingStatsTopology.storeName(Duration.ofSeconds(1))).isEqualTo("stats-host-1s");
    assertThat(RollingStatsTopology.storeName(Duration.ofHours(1))).isEqualTo("stats-host-1h");
    assertThat(RollingStatsTopology.fleetStoreName(Duration.ofMinutes(1)))
        .isEqualTo("stats-fleet-1m");
  }

  @Test
  void shouldPinEveryTopicIncludingTheTwoRepartitionTopics() {
    assertThat(topics(DESCRIPTION))
        .containsExactly(
            "stats-fleet-by-series-repartition",
            "stats-host-finals-by-host-repartition",
            "tickwatch.samples",
            "tickwatch.stats",
            "tickwatch.stats-live");
    assertThat(DESCRIPTION.subtopologies()).hasSize(3);
  }

  @Test
  void shouldNameReplayOutputsInTheirNamespaceWithTheSameInternalNames() {
    RollingStatsConfig replay =
        RollingStatsConfig.defaults()
            .withReplay(
                "r42", java.time.Instant.ofEpochMilli(0), java.time.Instant.ofEpochMilli(1));
    TopologyDescription description =
        RollingStatsTopology.build(replay, new InMemorySchemaRegistryClient()).describe();

    assertThat(topics(description))
        .containsExactly(
            "stats-fleet-by-series-repartition",
            "stats-host-finals-by-host-repartition",
            "tickwatch.replay.r42.stats",
            "tickwatch.replay.r42.stats-live",
            "tickwatch.samples");
    assertThat(stores(description)).isEqualTo(stores(DESCRIPTION));
    assertThat(processors(description)).isEqualTo(processors(DESCRIPTION));
  }
}
