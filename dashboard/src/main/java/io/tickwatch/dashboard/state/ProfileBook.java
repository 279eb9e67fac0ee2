package io.tickwatch.dashboard.state;

import io.tickwatch.avro.ProfileChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest profiles' chunks, at most {@code maxProfiles} profiles and {@code maxBytes} payload
 * bytes in all (the oldest profiles are evicted first). Thread-safe.
 */
public final class ProfileBook {

  private final int maxProfiles;
  private final long maxBytes;
  private final Map<String, ProfileChunk[]> chunks = new LinkedHashMap<>();
  private long bytes;

  public ProfileBook(int maxProfiles, long maxBytes) {
    this.maxProfiles = maxProfiles;
    this.maxBytes = maxBytes;
  }

  /**
   * Keeps a chunk.
   *
   * @return true when this chunk completed its profile
   */
  public synchronized boolean add(ProfileChunk chunk) {
    int count = Math.max(1, chunk.getChunkCount());
    int index = chunk.getChunkIndex();
    if (index < 0 || index >= count || count > 10_000) {
      return false;
    }
    ProfileChunk[] parts =
        chunks.computeIfAbsent(chunk.getProfileId(), k -> new ProfileChunk[count]);
    if (parts.length != count) {
      return false;
    }
    if (parts[index] != null) {
      bytes -= parts[index].getPayload().remaining();
    }
    parts[index] = chunk;
    bytes += chunk.getPayload().remaining();
    evict(chunk.getProfileId());
    return complete(parts);
  }

  private void evict(String keep) {
    var it = chunks.entrySet().iterator();
    while ((chunks.size() > maxProfiles || bytes > maxBytes) && it.hasNext()) {
      var e = it.next();
      if (e.getKey().equals(keep)) {
        continue;
      }
      for (ProfileChunk c : e.getValue()) {
        if (c != null) {
          bytes -= c.getPayload().remaining();
        }
      }
      it.remove();
    }
  }

  private static boolean complete(ProfileChunk[] parts) {
    for (ProfileChunk c : parts) {
      if (c == null) {
        return false;
      }
    }
    return true;
  }

  /** Chunk 0 (with the summary) of every profile that has it, newest start first. */
  public synchronized List<ProfileChunk> heads() {
    List<ProfileChunk> out = new ArrayList<>();
    for (ProfileChunk[] parts : chunks.values()) {
      if (parts[0] != null) {
        out.add(parts[0]);
      }
    }
    out.sort(Comparator.comparing(ProfileChunk::getStartedAtMillis).reversed());
    return out;
  }

  /** Every chunk of a complete profile, in order; empty when unknown or incomplete. */
  public synchronized Optional<List<ProfileChunk>> complete(String profileId) {
    ProfileChunk[] parts = chunks.get(profileId);
    if (parts == null || !complete(parts)) {
      return Optional.empty();
    }
    return Optional.of(List.of(parts));
  }

  /** The profile taken for an alert, if any (newest). */
  public synchronized Optional<String> profileForAlert(String fingerprint) {
    return heads().stream()
        .filter(h -> fingerprint.equals(h.getAlertFingerprint()))
        .map(ProfileChunk::getProfileId)
        .findFirst();
  }
}
