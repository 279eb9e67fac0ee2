package io.tickwatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardConfigTest {

  @Test
  void shouldDefaultToLoopbackOnPort8080() {
    DashboardConfig config = DashboardConfig.defaults();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.loopback()).isTrue();
    assertThat(config.token()).isEmpty();
    assertThat(config.bootstrapServers()).isEmpty();
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                DashboardConfig.fromMap(
                    Map.of(
                        DashboardConfig.PORT, "eighty",
                        DashboardConfig.TOKEN, "short",
                        DashboardConfig.QUERY_URL, "ftp://x",
                        DashboardConfig.SSE_FLUSH_MILLIS, "5000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dashboard.port: not an integer")
        .hasMessageContaining("dashboard.token: an access token needs at least 16 characters")
        .hasMessageContaining("dashboard.query.url: needs an http(s) URL")
        .hasMessageContaining("dashboard.sse.flush.millis: must be in [10, 1000]");
  }

  @Test
  void shouldTrimTrailingSlashesOfUpstreamUrls() {
    DashboardConfig config =
        DashboardConfig.fromMap(Map.of(DashboardConfig.ALERTING_URL, "http://127.0.0.1:8083/"));
    assertThat(config.alertingUrl()).contains("http://127.0.0.1:8083");
  }

  @Test
  void shouldAllowANonLoopbackBindWithAToken() {
    DashboardConfig config =
        DashboardConfig.fromMap(
            Map.of(
                DashboardConfig.HOST, "0.0.0.0",
                DashboardConfig.PORT, "0",
                DashboardConfig.TOKEN, "0123456789abcdef0123"));
    assertThat(config.loopback()).isFalse();
    try (DashboardServer server = DashboardServer.create(config)) {
      assertThat(server.token()).isEqualTo("0123456789abcdef0123");
    }
  }

  @Test
  void shouldRequireTheTokenForReadsOnlyOffLoopbackByDefault() {
    assertThat(DashboardConfig.defaults().readsNeedToken()).isFalse();
    assertThat(DashboardConfig.fromMap(Map.of(DashboardConfig.HOST, "::1")).readsNeedToken())
        .isFalse();
    assertThat(DashboardConfig.fromMap(Map.of(DashboardConfig.HOST, "localhost")).readsNeedToken())
        .isFalse();
    assertThat(DashboardConfig.fromMap(Map.of(DashboardConfig.HOST, "10.1.2.3")).readsNeedToken())
        .isTrue();
    assertThat(DashboardConfig.fromMap(Map.of(DashboardConfig.HOST, "0.0.0.0")).readsNeedToken())
        .isTrue();
    assertThat(
            DashboardConfig.fromMap(Map.of(DashboardConfig.READ_TOKEN, "always")).readsNeedToken())
        .isTrue();
    assertThat(
            DashboardConfig.fromMap(
                    Map.of(DashboardConfig.HOST, "10.1.2.3", DashboardConfig.READ_TOKEN, "auto"))
                .readsNeedToken())
        .isTrue();
    assertThatThrownBy(() -> DashboardConfig.fromMap(Map.of(DashboardConfig.READ_TOKEN, "never")))
        .hasMessageContaining("dashboard.read.token: must be auto or always");
  }
}
