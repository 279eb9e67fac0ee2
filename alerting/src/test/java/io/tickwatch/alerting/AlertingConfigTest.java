package io.tickwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingConfigTest {
  private static final Map<String, String> MINIMAL =
      Map.of("bootstrap.servers", "localhost:9092", "schema.registry.url", "http://localhost:8081");

  @Test
  void shouldApplyDefaults() {
    AlertingConfig c = AlertingConfig.fromMap(MINIMAL);
    assertThat(c.httpHost()).isEqualTo("127.0.0.1");
    assertThat(c.httpPort()).isEqualTo(8083);
    assertThat(c.dashboardUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.groupBy()).containsExactly("host", "alertname");
    assertThat(c.groupWait()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.repeatInterval()).isEqualTo(Duration.ofHours(4));
    assertThat(c.receivers()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("log"));
    assertThat(c.routeReceivers()).containsExactly("log");
    assertThat(c.lifecycle().keepFiring()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldListEveryErrorAtOnceWithoutShowingSecrets() {
    Map<String, String> bad =
        Map.of(
            "alerting.http.port", "99999",
            "alerting.group-wait", "soon",
            "alerting.receivers", "pd,hook",
            "alerting.receiver.pd.type", "pagerduty",
            "alerting.receiver.hook.type", "webhook",
            "alerting.receiver.hook.url", "ftp://h/secret-token-123",
            "alerting.route.receivers", "pd,nobody");
    assertThatThrownBy(() -> AlertingConfig.fromMap(bad))
        .isInstanceOfSatisfying(
            AlertingConfigException.class,
            e -> {
              assertThat(e.errors())
                  .anyMatch(s -> s.startsWith("bootstrap.servers is required"))
                  .anyMatch(s -> s.startsWith("schema.registry.url is required"))
                  .anyMatch(s -> s.startsWith("alerting.http.port must be in [0, 65535]"))
                  .anyMatch(s -> s.startsWith("alerting.group-wait must be a duration"))
                  .anyMatch(s -> s.contains("pd.routing-key is required"))
                  .anyMatch(s -> s.contains("hook.url must be an http(s) URL"))
                  .anyMatch(s -> s.contains("'nobody'"));
              assertThat(e.getMessage()).doesNotContain("secret-token-123");
            });
  }

  @Test
  void shouldBuildExtraRoutesInheritingTheRootTimers() {
    Map<String, String> m = new java.util.HashMap<>(MINIMAL);
    m.put("alerting.receivers", "log,ops");
    m.put("alerting.receiver.ops.type", "webhook");
    m.put("alerting.receiver.ops.url", "http://127.0.0.1:9/hook");
    m.put("alerting.routes", "heap");
    m.put("alerting.route.heap.matchers", "metric=~heap\\..*; severity!=warning");
    m.put("alerting.route.heap.receivers", "ops");
    m.put("alerting.route.heap.repeat-interval", "30m");

    AlertingConfig c = AlertingConfig.fromMap(m);

    assertThat(c.extraRoutes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.matchers()).hasSize(2);
              assertThat(r.receivers()).containsExactly("ops");
              assertThat(r.repeatInterval()).isEqualTo(Duration.ofMinutes(30));
              assertThat(r.groupWait()).isEqualTo(c.groupWait());
              assertThat(r.match(Map.of("metric", "heap.used.bytes", "severity", "critical")))
                  .isSameAs(r);
            });
  }

  @Test
  void shouldRejectAnExtraRouteWithoutMatchersOrWithUnknownReceivers() {
    Map<String, String> m = new java.util.HashMap<>(MINIMAL);
    m.put("alerting.routes", "x,critical");
    m.put("alerting.route.x.receivers", "ghost");
    assertThatThrownBy(() -> AlertingConfig.fromMap(m))
        .isInstanceOfSatisfying(
            AlertingConfigException.class,
            e ->
                assertThat(e.errors())
                    .anyMatch(s -> s.contains("x.matchers is required"))
                    .anyMatch(s -> s.contains("'ghost'"))
                    .anyMatch(s -> s.contains("'critical' is reserved")));
  }

  @Test
  void shouldParseDurations() {
    assertThat(AlertingConfig.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(AlertingConfig.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(AlertingConfig.parseDuration("PT30S")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldKeepSecretsOutOfToString() {
    Map<String, String> m = new java.util.HashMap<>(MINIMAL);
    m.put("alerting.receivers", "pd");
    m.put("alerting.receiver.pd.type", "pagerduty");
    m.put("alerting.receiver.pd.routing-key", "ROUTINGKEY42");
    assertThat(AlertingConfig.fromMap(m).toString()).doesNotContain("ROUTINGKEY42");
  }

  @Test
  void shouldPassKafkaSecuritySettingsThroughWithoutPrintingThem() {
    Map<String, String> m = new java.util.HashMap<>(MINIMAL);
    m.put("alerting.kafka.security.protocol", "SASL_PLAINTEXT");
    m.put("alerting.kafka.sasl.mechanism", "PLAIN");
    m.put("alerting.kafka.sasl.jaas.config", "PlainLoginModule required password=\"hunter2\";");
    m.put("alerting.kafka.ssl.truststore.location", "/etc/kafka/ts.p12");

    AlertingConfig fromMap = AlertingConfig.fromMap(m);
    AlertingConfig fromLookup = AlertingConfig.from(m::get);

    for (AlertingConfig c : java.util.List.of(fromMap, fromLookup)) {
      assertThat(c.kafka().values())
          .containsOnlyKeys(
              "security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location")
          .containsEntry("security.protocol", "SASL_PLAINTEXT");
      assertThat(c.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }
  }

  @Test
  void shouldRejectKafkaSettingsTheServiceOwns() {
    Map<String, String> m = new java.util.HashMap<>(MINIMAL);
    m.put("alerting.kafka.enable.auto.commit", "true");
    m.put("alerting.kafka.group.id", "other");
    assertThatThrownBy(() -> AlertingConfig.fromMap(m))
        .hasMessageContaining("alerting.kafka.enable.auto.commit")
        .hasMessageContaining("alerting.kafka.group.id");
  }
}
