package io.tickwatch.dashboard.http;

import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.schemas.profile.AssembledProfile;
import io.tickwatch.schemas.profile.ProfileChunkException;
import io.tickwatch.schemas.profile.ProfileChunks;
import io.tickwatch.schemas.profile.ProfileJson;
import io.tickwatch.schemas.profile.ProfileMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile summaries and flame trees, in the shapes of {@code io.tickwatch.schemas.profile.
 * ProfileJson} (shared with the CLI).
 */
public final class ProfileViews {

  private ProfileViews() {}

  /** The summary of a profile from its chunk 0 (an item of {@code GET /api/v1/profiles}). */
  public static Map<String, Object> summary(ProfileChunk head) {
    if (head.getSummary() != null) {
      return ProfileJson.summary(ProfileMetadata.of(head), head.getSummary());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profileId", head.getProfileId());
    m.put("hostId", head.getHostId());
    m.put("startedAtMillis", head.getStartedAtMillis().toEpochMilli());
    m.put("endedAtMillis", head.getEndedAtMillis().toEpochMilli());
    m.put("alertFingerprint", head.getAlertFingerprint());
    m.put("commandId", head.getCommandId());
    m.put("totalSamples", null);
    m.put("topMethods", List.of());
    return m;
  }

  /** {@code {"summary", "flame"}} of a complete profile. */
  static Map<String, Object> profile(List<ProfileChunk> chunks) {
    AssembledProfile profile;
    try {
      profile = ProfileChunks.join(chunks);
    } catch (ProfileChunkException e) {
      throw new ApiException(422, "profile cannot be read: " + e.getMessage());
    }
    return ProfileJson.profile(profile);
  }
}
