package io.tickwatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void shouldNameTheBusyPortItsPurposeAndTheOption() throws Exception {
    try (ServerSocket held = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
      int port = held.getLocalPort();
      assertThat(PortCheck.isFree("127.0.0.1", port)).isFalse();
      assertThatThrownBy(() -> PortCheck.requireFree("127.0.0.1", port, "Kafka", "--kafka-port"))
          .isInstanceOf(StackException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("Kafka")
          .hasMessageContaining("--kafka-port")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void shouldAcceptAFreePort() {
    int port = PortCheck.findFreePort();
    assertThat(PortCheck.isFree("127.0.0.1", port)).isTrue();
    assertThatCode(() -> PortCheck.requireFree("127.0.0.1", port, "Kafka", "--kafka-port"))
        .doesNotThrowAnyException();
  }
}
