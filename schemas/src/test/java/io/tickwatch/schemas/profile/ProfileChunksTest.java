package io.tickwatch.schemas.profile;

import static io.tickwatch.schemas.profile.ProfileFixtures.metadata;
import static io.tickwatch.schemas.profile.ProfileFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.CompressionCodec;
import io.tickwatch.avro.ProfileChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ProfileChunksTest {

  @Test
  void shouldRoundTripASmallReportInOneGzippedChunkWithTheSummary() {
    byte[] report =
        "main;game.Loop.tick;game.Physics.step 7\nmain;game.Loop.tick 3\n"
            .getBytes(StandardCharsets.UTF_8);

    List<ProfileChunk> chunks = ProfileChunks.split(metadata("p-1"), summary(10), report);

    assertThat(chunks).hasSize(1);
    ProfileChunk only = chunks.get(0);
    assertThat(only.getCodec()).isEqualTo(CompressionCodec.GZIP);
    assertThat(only.getChunkCount()).isEqualTo(1);
    assertThat(only.getSummary().getTotalSamples()).isEqualTo(10);
    assertThat(only.getCommandId()).isEqualTo("cmd-1");
    assertThat(only.getAlertFingerprint()).isEqualTo("fp-1");
    AssembledProfile joined = ProfileChunks.join(chunks);
    assertThat(joined.reportBytes()).isEqualTo(report);
    assertThat(joined.metadata()).isEqualTo(metadata("p-1"));
    assertThat(joined.stacks().totalSamples()).isEqualTo(10);
  }

  @Test
  void shouldCutAnIncompressibleReportIntoChunksOfAtMost512KibAndJoinThemInAnyOrder() {
    byte[] report = new byte[1_300_000];
    new Random(42).nextBytes(report);

    List<ProfileChunk> chunks = ProfileChunks.split(metadata("p-2"), summary(1), report);

    assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i).getChunkIndex()).isEqualTo(i);
      assertThat(chunks.get(i).getChunkCount()).isEqualTo(chunks.size());
      assertThat(chunks.get(i).getPayload().remaining())
          .isLessThanOrEqualTo(ProfileChunks.MAX_CHUNK_PAYLOAD_BYTES);
      assertThat(chunks.get(i).getSummary() != null).isEqualTo(i == 0);
    }
    List<ProfileChunk> shuffled = new ArrayList<>(chunks);
    Collections.reverse(shuffled);
    assertThat(ProfileChunks.join(shuffled).reportBytes()).isEqualTo(report);
  }

  @Test
  void shouldRejectAMissingChunk() {
    List<ProfileChunk> chunks = new ArrayList<>(split("p-3", 5));
    chunks.remove(2);

    assertThatThrownBy(() -> ProfileChunks.join(chunks))
        .isInstanceOf(ProfileChunkException.class)
        .hasMessageContaining("p-3")
        .hasMessageContaining("missing chunk 2");
  }

  @Test
  void shouldRejectADuplicateChunk() {
    List<ProfileChunk> chunks = new ArrayList<>(split("p-4", 3));
    chunks.add(chunks.get(1));

    assertThatThrownBy(() -> ProfileChunks.join(chunks))
        .isInstanceOf(ProfileChunkException.class)
        .hasMessageContaining("duplicate chunk 1");
  }

  @Test
  void shouldRejectChunksOfDifferentProfiles() {
    List<ProfileChunk> chunks = new ArrayList<>(split("p-5", 2));
    chunks.set(1, split("p-6", 2).get(1));

    assertThatThrownBy(() -> ProfileChunks.join(chunks))
        .isInstanceOf(ProfileChunkException.class)
        .hasMessageContaining("different profiles");
  }

  @Test
  void shouldRejectDisagreeingChunkCountsAndIndexesOutOfRange() {
    List<ProfileChunk> chunks = new ArrayList<>(split("p-7", 3));
    ProfileChunk liar = ProfileChunk.newBuilder(chunks.get(2)).setChunkCount(4).build();
    chunks.set(2, liar);
    assertThatThrownBy(() -> ProfileChunks.join(chunks)).hasMessageContaining("chunkCount");

    List<ProfileChunk> outOfRange = new ArrayList<>(split("p-8", 2));
    outOfRange.set(1, ProfileChunk.newBuilder(outOfRange.get(1)).setChunkIndex(7).build());
    assertThatThrownBy(() -> ProfileChunks.join(outOfRange))
        .hasMessageContaining("index 7 outside [0, 2)");
  }

  @Test
  void shouldRejectAChunkZeroWithoutSummaryAndAnEmptySet() {
    List<ProfileChunk> chunks = new ArrayList<>(split("p-9", 2));
    chunks.set(0, ProfileChunk.newBuilder(chunks.get(0)).setSummary(null).build());

    assertThatThrownBy(() -> ProfileChunks.join(chunks)).hasMessageContaining("no summary");
    assertThatThrownBy(() -> ProfileChunks.join(List.of())).hasMessageContaining("no chunks");
  }

  @Test
  void shouldRejectACorruptPayload() {
    List<ProfileChunk> chunks = new ArrayList<>(split("p-10", 1));
    chunks.set(
        0,
        ProfileChunk.newBuilder(chunks.get(0))
            .setPayload(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
            .build());

    assertThatThrownBy(() -> ProfileChunks.join(chunks))
        .isInstanceOf(ProfileChunkException.class)
        .hasMessageContaining("corrupt gzip");
  }

  @Property(tries = 50)
  void shouldJoinWhatItSplits(
      @ForAll @Size(max = 4000) byte[] report,
      @ForAll @IntRange(min = 1, max = 700) int chunkBytes) {
    List<ProfileChunk> chunks =
        ProfileChunks.split(metadata("p-prop"), summary(1), report, chunkBytes);

    assertThat(ProfileChunks.join(chunks).reportBytes()).isEqualTo(report);
  }

  private static List<ProfileChunk> split(String profileId, int wantedChunks) {
    byte[] report = new byte[wantedChunks * 100 - 50];
    new Random(7).nextBytes(report);
    List<ProfileChunk> chunks = ProfileChunks.split(metadata(profileId), summary(1), report, 100);
    assertThat(chunks).hasSize(wantedChunks);
    return chunks;
  }
}
