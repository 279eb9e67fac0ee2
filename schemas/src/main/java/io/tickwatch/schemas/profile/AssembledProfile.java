package io.tickwatch.schemas.profile;

import io.tickwatch.avro.ProfilePayloadFormat;
import io.tickwatch.avro.ProfileSummary;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One report put back together from its chunks.
 *
 * @param metadata the fields every chunk repeats
 * @param summary the summary from chunk 0
 * @param reportBytes the decompressed report (UTF-8 collapsed stacks for {@link
 *     ProfilePayloadFormat#COLLAPSED_STACKS})
 */
public record AssembledProfile(
    ProfileMetadata metadata, ProfileSummary summary, byte[] reportBytes) {

  /** Validates non-null parts. */
  public AssembledProfile {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(reportBytes, "reportBytes");
  }

  /**
   * The collapsed stacks of the report.
   *
   * @throws IllegalStateException when the payload is not in the collapsed-stacks format
   */
  public CollapsedStacks stacks() {
    if (metadata.format() != ProfilePayloadFormat.COLLAPSED_STACKS) {
      throw new IllegalStateException(
          "profile " + metadata.profileId() + " has format " + metadata.format());
    }
    return CollapsedStacks.parse(new String(reportBytes, StandardCharsets.UTF_8));
  }

  /** The flame tree of the report's collapsed stacks (root named {@code all}). */
  public FlameNode flameTree() {
    return FlameTree.of(stacks());
  }
}
