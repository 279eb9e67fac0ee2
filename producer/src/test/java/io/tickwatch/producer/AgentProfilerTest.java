package io.tickwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.producer.profile.ProfileRequest;
import io.tickwatch.producer.profile.ProfileStart;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentProfilerTest {
  @TempDir Path spool;

  private AgentBuilder base() {
    return TickwatchAgent.builder("host-prof")
        .bootstrapServers("127.0.0.1:1")
        .valueSerializer(new AvroTestSerde())
        .controlEnabled(false)
        .systemCollectors(false)
        .profileSpoolDirectory(spool);
  }

  @Test
  void shouldProfileThroughTheLocalApiByDefault() throws Exception {
    try (TickwatchAgent agent = base().build().start()) {
      ProfileStart start =
          agent.profiler().start(ProfileRequest.builder().durationMillis(300).build());

      assertThat(start.status()).isEqualTo(ProfileStart.Status.STARTED);
      assertThat(start.report().get(60, TimeUnit.SECONDS).metadata().hostId())
          .isEqualTo("host-prof");
    }
  }

  @Test
  void shouldRefuseEverySessionWhenDisabled() {
    try (TickwatchAgent agent = base().profilerEnabled(false).build().start()) {
      agent.tick(1_000_000);

      assertThat(agent.profiler().start(ProfileRequest.builder().build()).status())
          .isEqualTo(ProfileStart.Status.UNAVAILABLE);
    }
  }
}
