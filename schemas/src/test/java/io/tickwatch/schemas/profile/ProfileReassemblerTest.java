package io.tickwatch.schemas.profile;

import static io.tickwatch.schemas.profile.ProfileFixtures.metadata;
import static io.tickwatch.schemas.profile.ProfileFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ProfileChunk;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfileReassemblerTest {

  @Test
  void shouldYieldAReportOnceItsLastChunkArrivesEvenWithRedeliveries() {
    byte[] report = new byte[350];
    new Random(1).nextBytes(report);
    List<ProfileChunk> chunks = ProfileChunks.split(metadata("p-1"), summary(1), report, 100);
    ProfileReassembler reassembler = new ProfileReassembler(4);

    assertThat(reassembler.accept(chunks.get(0))).isEmpty();
    assertThat(reassembler.accept(chunks.get(0))).isEmpty();
    assertThat(reassembler.accept(chunks.get(2))).isEmpty();
    assertThat(reassembler.accept(chunks.get(1))).isEmpty();
    Optional<AssembledProfile> done = reassembler.accept(chunks.get(3));

    assertThat(done).isPresent();
    assertThat(done.get().reportBytes()).isEqualTo(report);
    assertThat(reassembler.pendingProfiles()).isZero();
  }

  @Test
  void shouldDropTheOldestIncompleteReportBeyondItsBound() {
    ProfileReassembler reassembler = new ProfileReassembler(2);
    for (String id : List.of("a", "b", "c")) {
      byte[] report = new byte[250];
      new Random(id.hashCode()).nextBytes(report);
      reassembler.accept(ProfileChunks.split(metadata(id), summary(1), report, 100).get(0));
    }

    assertThat(reassembler.pendingProfiles()).isEqualTo(2);
    assertThat(reassembler.droppedProfiles()).isEqualTo(1);
  }
}
