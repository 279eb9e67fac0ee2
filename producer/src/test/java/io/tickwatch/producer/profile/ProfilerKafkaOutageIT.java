package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.producer.Await;
import io.tickwatch.producer.TickwatchAgent;
import io.tickwatch.schemas.profile.AssembledProfile;
import io.tickwatch.schemas.profile.ProfileReassembler;
import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.server.EmbeddedSchemaRegistry;
import io.tickwatch.schemas.serde.AvroDeserializer;
import io.tickwatch.schemas.testkit.KafkaTestCluster;
import io.tickwatch.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that runs while Kafka is unreachable ends on time, its report waits in the spool and
 * reaches {@code tickwatch.profiles} once Kafka is back.
 */
class ProfilerKafkaOutageIT {
  @TempDir Path spool;

  @Test
  void shouldEndOnTimeWithKafkaDownAndDeliverTheReportAfterRecovery() throws Exception {
    try (KafkaTestCluster kafka = KafkaTestCluster.startBehindProxy();
        EmbeddedSchemaRegistry registry =
            EmbeddedSchemaRegistry.builder().inMemory().host("127.0.0.1").port(0).build().start()) {
      kafka.createCatalogueTopics(List.of(Topics.PROFILES));
      kafka.proxy().cut();
      try (Workload worker = Workload.hotAndCold("it-worker");
          TickwatchAgent agent =
              TickwatchAgent.builder("it-prof-host")
                  .bootstrapServers(kafka.bootstrapServers())
                  .schemaRegistryUrl(registry.url())
                  .controlEnabled(false)
                  .systemCollectors(false)
                  .profileSpoolDirectory(spool)
                  .build()
                  .start()) {
        ProfileStart start =
            agent
                .profiler()
                .start(
                    ProfileRequest.builder()
                        .profileId("outage-1")
                        .durationMillis(1000)
                        .samplingIntervalMillis(10)
                        .threadFilter("it-worker")
                        .build());
        assertThat(start.started()).isTrue();

        ProfileReport report = start.report().get(60, TimeUnit.SECONDS);
        ProfileSpool files = new ProfileSpool(spool, 32, Long.MAX_VALUE);
        assertThat(files.pending()).hasSize(1);
        assertThat(report.summary().getTotalSamples()).isPositive();

        kafka.proxy().pass();
        AssembledProfile delivered = consume(kafka.bootstrapServers(), registry.url(), "outage-1");
        assertThat(delivered.metadata().hostId()).isEqualTo("it-prof-host");
        assertThat(delivered.stacks()).isEqualTo(report.stacks());
        assertThat(delivered.summary().getTopMethods().get(0).getMethod())
            .isEqualTo(Workload.class.getName() + ".hotMethod");
        Await.until("spool emptied", () -> pendingQuietly(files) == 0);
      }
    }
  }

  private static int pendingQuietly(ProfileSpool files) {
    try {
      return files.pending().size();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static AssembledProfile consume(String bootstrap, String registryUrl, String profileId) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.GROUP_ID_CONFIG,
            "profiler-outage-it");
    ProfileReassembler reassembler = new ProfileReassembler(8);
    AtomicReference<AssembledProfile> found = new AtomicReference<>();
    try (KafkaConsumer<String, ProfileChunk> consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            new AvroDeserializer<>(
                RestSchemaRegistryClient.builder(registryUrl).build(), ProfileChunk.class))) {
      consumer.subscribe(List.of(Topics.PROFILES.name()));
      Await.until(
          "profile " + profileId + " on " + Topics.PROFILES.name(),
          () -> {
            for (ConsumerRecord<String, ProfileChunk> record :
                consumer.poll(Duration.ofMillis(200))) {
              assertThat(record.key()).isEqualTo(record.value().getProfileId());
              Optional<AssembledProfile> done = reassembler.accept(record.value());
              done.filter(p -> p.metadata().profileId().equals(profileId)).ifPresent(found::set);
            }
            return found.get() != null;
          });
    }
    return found.get();
  }
}
