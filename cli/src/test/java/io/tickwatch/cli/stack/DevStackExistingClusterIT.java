package io.tickwatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.schemas.topic.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --bootstrap-servers} and {@code --schema-registry-url}: use what already runs. */
class DevStackExistingClusterIT {

  @TempDir Path brokerDir;
  @TempDir Path stackDir;

  @Test
  void shouldUseAnExistingClusterAndAnExistingRegistryInsteadOfStartingThem() {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder()
            .dataDir(brokerDir)
            .kafkaPort(PortCheck.findFreePort())
            .controllerPort(PortCheck.findFreePort())
            .build()) {
      broker.start();
      StackOptions onCluster =
          StackOptions.defaults()
              .withDataDir(stackDir)
              .withPorts(
                  PortCheck.findFreePort(), PortCheck.findFreePort(), PortCheck.findFreePort())
              .withExternal(Optional.of(broker.bootstrapServers()), Optional.empty());
      List<String> status = new ArrayList<>();
      try (DevStack withRegistry = DevStack.start(onCluster, status::add)) {
        assertThat(withRegistry.clusterId()).isEqualTo(broker.clusterId());
        assertThat(withRegistry.bootstrapServers()).isEqualTo(broker.bootstrapServers());
        assertThat(withRegistry.topics().created()).hasSameSizeAs(Topics.all());
        assertThat(status.get(0)).startsWith("Kafka (existing cluster)");
        assertThat(stackDir.resolve("kafka")).doesNotExist();

        StackOptions onClusterAndRegistry =
            onCluster.withExternal(
                Optional.of(broker.bootstrapServers()),
                Optional.of(withRegistry.schemaRegistryUrl()));
        List<String> secondStatus = new ArrayList<>();
        try (DevStack reusing = DevStack.start(onClusterAndRegistry, secondStatus::add)) {
          assertThat(reusing.schemaRegistryUrl()).isEqualTo(withRegistry.schemaRegistryUrl());
          assertThat(reusing.topics().created()).isEmpty();
          assertThat(secondStatus)
              .anySatisfy(l -> assertThat(l).startsWith("Schema registry (existing)"));
        }
      }
    }
  }
}
