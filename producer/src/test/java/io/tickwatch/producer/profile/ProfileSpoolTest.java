package io.tickwatch.producer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.ProfileSummary;
import io.tickwatch.schemas.profile.ProfileChunks;
import io.tickwatch.schemas.profile.ProfileMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSpoolTest {
  @TempDir Path dir;

  static List<ProfileChunk> chunks(String profileId) {
    ProfileSummary summary =
        ProfileSummary.newBuilder()
            .setTotalSamples(3)
            .setSamplingIntervalMillis(20)
            .setTopMethods(List.of())
            .setAllocationHotSpots(List.of())
            .build();
    return ProfileChunks.split(
        ProfileMetadata.collapsed(profileId, "host-1", null, null, 1, 2),
        summary,
        "main;game.Loop.tick 3\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldRoundTripAReportsChunksThroughAFile() throws Exception {
    ProfileSpool spool = new ProfileSpool(dir, 4, 1 << 20);

    Path file = spool.write(chunks("p/1"));

    assertThat(spool.pending()).containsExactly(file);
    assertThat(spool.read(file)).isEqualTo(chunks("p/1"));
    spool.delete(file);
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void shouldDeleteTheOldestReportsBeyondItsBound() throws Exception {
    ProfileSpool spool = new ProfileSpool(dir, 2, 1 << 20);

    spool.write(chunks("a"));
    spool.write(chunks("b"));
    spool.write(chunks("c"));

    assertThat(spool.pending()).hasSize(2);
    assertThat(spool.read(spool.pending().get(0)).get(0).getProfileId()).isEqualTo("b");
    assertThat(spool.evicted()).isEqualTo(1);
  }
}
