package io.tickwatch.schemas.registry.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSchemaStoreTest {

  @Test
  void shouldFailClearlyWhenKafkaIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (KafkaSchemaStore store =
        new KafkaSchemaStore(
            "127.0.0.1:" + closedPort, "tickwatch.schemas", Duration.ofSeconds(1), Map.of())) {

      assertThatThrownBy(store::start)
          .isInstanceOf(SchemaStoreException.class)
          .hasMessageContaining("tickwatch.schemas")
          .hasMessageContaining("127.0.0.1:" + closedPort);
    }
  }

  @Test
  void shouldRefuseToWriteBeforeStart() {
    try (KafkaSchemaStore store = new KafkaSchemaStore("127.0.0.1:1")) {
      assertThatThrownBy(
              () -> store.append(new StoreEntry.SchemaVersion("a-value", 1, 1, "\"string\"")))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
