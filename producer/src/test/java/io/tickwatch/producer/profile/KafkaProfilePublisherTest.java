package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.producer.Await;
import io.tickwatch.schemas.profile.CollapsedStacks;
import io.tickwatch.schemas.profile.ProfileChunks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProfilePublisherTest {
  @TempDir Path dir;

  /** Avro single-object encoding: enough to check what was sent without a registry. */
  private static final Serializer<ProfileChunk> SERIALIZER =
      (topic, chunk) -> {
        try {
          var buffer = chunk.toByteBuffer();
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          return bytes;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };

  @Test
  void shouldKeepReportsInTheSpoolWhileKafkaFailsAndSendThemAfterwards() throws Exception {
    MockProducer<String, byte[]> mock =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    AtomicBoolean kafkaDown = new AtomicBoolean(true);
    ProfileSpool spool = new ProfileSpool(dir, 8, 1 << 20);
    KafkaProfilePublisher publisher =
        new KafkaProfilePublisher(
            spool,
            "tickwatch.profiles",
            SERIALIZER,
            config -> {
              if (kafkaDown.get()) {
                throw new KafkaException("broker unreachable");
              }
              return mock;
            },
            Map.of(),
            Duration.ofMillis(100),
            Duration.ofMillis(5),
            Duration.ofMillis(20));
    publisher.start("test-profile-publisher", t -> {});
    try {
      ProfileReport report =
          new ProfileReport(
              ProfileChunks.join(ProfileSpoolTest.chunks("p-1")).metadata(),
              ProfileChunks.join(ProfileSpoolTest.chunks("p-1")).summary(),
              CollapsedStacks.parse("main;game.Loop.tick 3\n"),
              null,
              List.of());

      publisher.accept(report);
      Await.until("a failed attempt", () -> publisher.failedAttempts() > 0);
      assertThat(spool.pending()).hasSize(1);
      assertThat(mock.history()).isEmpty();

      kafkaDown.set(false);
      Await.until("the report delivered", () -> publisher.delivered() == 1);
      assertThat(spool.pending()).isEmpty();
      assertThat(mock.history()).hasSize(1);
      assertThat(mock.history().get(0).key()).isEqualTo("p-1");
      assertThat(mock.history().get(0).topic()).isEqualTo("tickwatch.profiles");
      ProfileChunk sent =
          ProfileChunk.fromByteBuffer(java.nio.ByteBuffer.wrap(mock.history().get(0).value()));
      assertThat(ProfileChunks.join(List.of(sent)).stacks()).isEqualTo(report.stacks());
    } finally {
      publisher.close(Duration.ofSeconds(5));
    }
  }
}
