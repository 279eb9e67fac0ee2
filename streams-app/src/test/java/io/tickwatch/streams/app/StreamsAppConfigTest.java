package io.tickwatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

  @Test
  void shouldUseLocalDefaults() {
    StreamsAppConfig config = StreamsAppConfig.defaults();
    assertThat(config.applicationId()).isEqualTo("tickwatch-stats");
    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.queryHost()).isEqualTo("127.0.0.1");
    assertThat(config.queryPort()).isEqualTo(8082);
    assertThat(config.numStreamThreads()).isEqualTo(1);
    assertThat(config.standbyReplicas()).isZero();
    assertThat(config.stateDir()).isEqualTo(Path.of("tickwatch-data", "streams"));
  }

  @Test
  void shouldReadEveryKeyFromALookup() {
    StreamsAppConfig config =
        StreamsAppConfig.from(
            Map.of(
                "tickwatch.app.application-id", "replay-1",
                "tickwatch.app.bootstrap-servers", "b1:9092,b2:9092",
                "tickwatch.app.num-stream-threads", "4",
                "tickwatch.app.standby-replicas", "1",
                "tickwatch.app.query-port", "0",
                "tickwatch.app.close-timeout", "5s",
                "tickwatch.app.kafka.commit.interval.ms", "250"));
    assertThat(config.applicationId()).isEqualTo("replay-1");
    assertThat(config.bootstrapServers()).isEqualTo("b1:9092,b2:9092");
    assertThat(config.numStreamThreads()).isEqualTo(4);
    assertThat(config.standbyReplicas()).isEqualTo(1);
    assertThat(config.queryPort()).isZero();
    assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.kafkaOverrides()).containsEntry("commit.interval.ms", "250");
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                StreamsAppConfig.from(
                    Map.of(
                        "tickwatch.app.application-id", "bad id!",
                        "tickwatch.app.bootstrap-servers", "nohostport",
                        "tickwatch.app.num-stream-threads", "zero",
                        "tickwatch.app.standby-replicas", "-1",
                        "tickwatch.app.query-port", "70000",
                        "tickwatch.app.close-timeout", "soon",
                        "tickwatch.app.kafka.processing.guarantee", "at_least_once")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("application-id")
        .hasMessageContaining("bootstrap-servers")
        .hasMessageContaining("num-stream-threads")
        .hasMessageContaining("standby-replicas")
        .hasMessageContaining("query-port")
        .hasMessageContaining("close-timeout")
        .hasMessageContaining("processing.guarantee");
  }

  @Test
  void shouldKeepTheRunnersGuaranteesOverTopologyProperties() {
    Properties topology = new Properties();
    topology.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    topology.put(StreamsConfig.APPLICATION_ID_CONFIG, "other");
    topology.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    StreamsAppConfig config =
        StreamsAppConfig.defaults()
            .withDataDir(Path.of("/data"))
            .withThreads(2, 1)
            .withKafkaOverrides(Map.of("commit.interval.ms", "500"));

    Properties props = StreamsApp.streamsProperties(config, topology, "127.0.0.1:8082");

    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("tickwatch-stats");
    assertThat(props.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/data/streams");
    assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("127.0.0.1:8082");
    assertThat(props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
    assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("500");
  }
}
