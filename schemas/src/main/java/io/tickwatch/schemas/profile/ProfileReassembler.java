package io.tickwatch.schemas.profile;

import io.tickwatch.avro.ProfileChunk;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects chunks as a consumer sees them and yields each report once all its chunks arrived.
 *
 * <p>Bounded: at most {@code maxPendingProfiles} incomplete reports are held; beyond that the
 * oldest incomplete one is dropped (and counted). A chunk repeated by an at-least-once redelivery
 * replaces the earlier copy. Not thread-safe: one consumer thread feeds it.
 */
public final class ProfileReassembler {
  private final int maxPendingProfiles;
  private final Map<String, Map<Integer, ProfileChunk>> pending = new LinkedHashMap<>();
  private long droppedProfiles;

  /**
   * @param maxPendingProfiles how many incomplete reports to hold at most, at least 1
   */
  public ProfileReassembler(int maxPendingProfiles) {
    if (maxPendingProfiles < 1) {
      throw new IllegalArgumentException("maxPendingProfiles must be >= 1: " + maxPendingProfiles);
    }
    this.maxPendingProfiles = maxPendingProfiles;
  }

  /**
   * Adds one chunk.
   *
   * @return the report when this chunk completed it, else empty
   * @throws ProfileChunkException when the completed set is invalid (the set is discarded)
   */
  public Optional<AssembledProfile> accept(ProfileChunk chunk) {
    String profileId = ProfileMetadata.str(chunk.getProfileId());
    Map<Integer, ProfileChunk> chunks = pending.get(profileId);
    if (chunks == null) {
      evictIfFull();
      chunks = new LinkedHashMap<>();
      pending.put(profileId, chunks);
    }
    chunks.put(chunk.getChunkIndex(), chunk);
    if (chunks.size() < chunk.getChunkCount()) {
      return Optional.empty();
    }
    pending.remove(profileId);
    List<ProfileChunk> complete = new ArrayList<>(chunks.values());
    return Optional.of(ProfileChunks.join(complete));
  }

  /** Number of incomplete reports currently held. */
  public int pendingProfiles() {
    return pending.size();
  }

  /** Incomplete reports dropped because the bound was reached. */
  public long droppedProfiles() {
    return droppedProfiles;
  }

  private void evictIfFull() {
    if (pending.size() < maxPendingProfiles) {
      return;
    }
    Iterator<String> oldest = pending.keySet().iterator();
    oldest.next();
    oldest.remove();
    droppedProfiles++;
  }
}
