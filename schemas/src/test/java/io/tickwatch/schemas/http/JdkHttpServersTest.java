package io.tickwatch.schemas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class JdkHttpServersTest {

  @Test
  void shouldTurnNagleOffForServersCreatedHereUnlessConfiguredExplicitly() throws Exception {
    String before = System.getProperty(JdkHttpServers.NODELAY_PROPERTY);
    HttpServer server = JdkHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try {
      assertThat(server.getAddress().getPort()).isPositive();
      assertThat(System.getProperty(JdkHttpServers.NODELAY_PROPERTY))
          .isEqualTo(before == null ? "true" : before);
    } finally {
      server.stop(0);
    }
  }
}
