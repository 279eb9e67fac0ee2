package io.tickwatch.schemas.profile;

import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.ProfilePayloadFormat;
import java.util.Objects;

/**
 * The fields every chunk of one report repeats.
 *
 * @param profileId id of the profiling session, also the record key
 * @param hostId profiled host
 * @param commandId control command that started the session, or null for the local API
 * @param alertFingerprint alert that triggered the session, or null
 * @param startedAtMillis session start, epoch milliseconds
 * @param endedAtMillis session end, epoch milliseconds
 * @param format what the decompressed payload contains
 */
public record ProfileMetadata(
    String profileId,
    String hostId,
    String commandId,
    String alertFingerprint,
    long startedAtMillis,
    long endedAtMillis,
    ProfilePayloadFormat format) {

  /** Validates the required fields. */
  public ProfileMetadata {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(format, "format");
    if (profileId.isBlank()) {
      throw new IllegalArgumentException("profileId must not be blank");
    }
  }

  /** Metadata of a collapsed-stacks report. */
  public static ProfileMetadata collapsed(
      String profileId,
      String hostId,
      String commandId,
      String alertFingerprint,
      long startedAtMillis,
      long endedAtMillis) {
    return new ProfileMetadata(
        profileId,
        hostId,
        commandId,
        alertFingerprint,
        startedAtMillis,
        endedAtMillis,
        ProfilePayloadFormat.COLLAPSED_STACKS);
  }

  /** The metadata a chunk carries. */
  public static ProfileMetadata of(ProfileChunk chunk) {
    return new ProfileMetadata(
        str(chunk.getProfileId()),
        str(chunk.getHostId()),
        str(chunk.getCommandId()),
        str(chunk.getAlertFingerprint()),
        chunk.getStartedAtMillis().toEpochMilli(),
        chunk.getEndedAtMillis().toEpochMilli(),
        chunk.getFormat());
  }

  static String str(CharSequence value) {
    return value == null ? null : value.toString();
  }
}
