package io.tickwatch.schemas.profile;

import io.tickwatch.avro.ProfileSummary;
import java.util.List;

final class ProfileFixtures {
  private ProfileFixtures() {}

  static ProfileMetadata metadata(String profileId) {
    return ProfileMetadata.collapsed(profileId, "host-1", "cmd-1", "fp-1", 1_000L, 31_000L);
  }

  static ProfileSummary summary(long totalSamples) {
    return ProfileSummary.newBuilder()
        .setTotalSamples(totalSamples)
        .setDroppedSamples(3)
        .setSamplingIntervalMillis(20)
        .setOverheadPercent(0.4)
        .setSlowTicksOnly(false)
        .setTopMethods(List.of(new MethodStat("game.Physics.step", 7, 9, 70.0, 90.0).toAvro()))
        .setAllocationHotSpots(List.of())
        .setBaselineProfileId(null)
        .build();
  }
}
