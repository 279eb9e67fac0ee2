package io.tickwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {
  record Config(String name, Secret key) {}

  @Test
  void shouldMaskTheValueInToStringAlsoInsideRecords() {
    Secret s = Secret.of("xoxb-123");
    assertThat(s.toString()).isEqualTo("****");
    assertThat(new Config("pd", s).toString()).doesNotContain("xoxb-123");
    assertThat(s.reveal()).isEqualTo("xoxb-123");
  }
}
