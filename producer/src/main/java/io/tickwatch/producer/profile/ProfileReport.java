package io.tickwatch.producer.profile;

import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.ProfileSummary;
import io.tickwatch.schemas.profile.CollapsedStacks;
import io.tickwatch.schemas.profile.ProfileChunks;
import io.tickwatch.schemas.profile.ProfileDiff;
import io.tickwatch.schemas.profile.ProfileMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The result of one session. What goes to Kafka is {@link #toChunks()}: the collapsed stacks,
 * gzipped and chunked, with the {@link ProfileSummary} (total and dropped samples, the top 20 hot
 * methods with self and total percentages, allocation hot spots, interval used, measured overhead,
 * baseline id) on chunk 0. The differential report and the lock hot spots are available locally
 * (and logged); readers rebuild the differential report from the two published profiles with {@link
 * ProfileDiff#between}.
 *
 * @param metadata ids and times
 * @param summary headline numbers (Avro, as published)
 * @param stacks sample counts per stack
 * @param diff comparison with the baseline, or null when none was asked for or found
 * @param lockHotSpots contended monitors, longest blocked first; empty unless locks were recorded
 */
public record ProfileReport(
    ProfileMetadata metadata,
    ProfileSummary summary,
    CollapsedStacks stacks,
    ProfileDiff diff,
    List<LockSite> lockHotSpots) {

  /** Validates and copies. */
  public ProfileReport {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(stacks, "stacks");
    lockHotSpots = List.copyOf(lockHotSpots);
  }

  /** The profile id. */
  public String profileId() {
    return metadata.profileId();
  }

  /** The records to publish to {@code tickwatch.profiles}, keyed by {@link #profileId()}. */
  public List<ProfileChunk> toChunks() {
    return ProfileChunks.split(metadata, summary, stacks.toText().getBytes(StandardCharsets.UTF_8));
  }
}
