package io.tickwatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

  @Test
  void shouldDefaultToTheDesignPortsAndEmbeddedServices() {
    StackOptions defaults = StackOptions.defaults();
    assertThat(defaults.kafkaPort()).isEqualTo(9092);
    assertThat(defaults.controllerPort()).isEqualTo(9093);
    assertThat(defaults.registryPort()).isEqualTo(8081);
    assertThat(defaults.dataDir()).isEqualTo(Path.of("tickwatch-data"));
    assertThat(defaults.embeddedBroker()).isTrue();
    assertThat(defaults.embeddedRegistry()).isTrue();
    assertThat(defaults.problems()).isEmpty();
  }

  @Test
  void shouldReportCollidingPorts() {
    StackOptions options = StackOptions.defaults().withPorts(9092, 9092, 9092);
    assertThat(options.problems()).hasSize(2);
  }

  @Test
  void shouldIgnoreEmbeddedPortsWhenUsingAnExistingCluster() {
    StackOptions options =
        StackOptions.defaults()
            .withPorts(9092, 9092, 9092)
            .withExternal(Optional.of("broker:9092"), Optional.of("http://registry:8081"));
    assertThat(options.embeddedBroker()).isFalse();
    assertThat(options.embeddedRegistry()).isFalse();
    assertThat(options.problems()).isEmpty();
  }
}
