package io.tickwatch.schemas.profile;

import io.tickwatch.avro.CompressionCodec;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.ProfileSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Splits a report into {@link ProfileChunk} records and joins them back.
 *
 * <p>{@link #split} gzips the report, cuts the compressed bytes into slices of at most {@value
 * #MAX_CHUNK_PAYLOAD_BYTES} bytes and puts the {@link ProfileSummary} on chunk 0. {@link #join} is
 * its inverse and rejects, with a {@link ProfileChunkException} naming the problem, sets that mix
 * profile ids, disagree on the chunk count, miss or repeat an index, or lack the summary on chunk
 * 0. Stateless and thread-safe.
 */
public final class ProfileChunks {
  /** Largest payload of one chunk: 512 KiB, well inside Kafka's default 1 MiB record limit. */
  public static final int MAX_CHUNK_PAYLOAD_BYTES = 512 * 1024;

  /** Largest decompressed report {@link #join} accepts (256 MiB), against gzip bombs. */
  public static final long MAX_REPORT_BYTES = 256L * 1024 * 1024;

  private ProfileChunks() {}

  /**
   * Splits a report with the default chunk size.
   *
   * @param metadata fields repeated on every chunk
   * @param summary summary carried by chunk 0
   * @param reportBytes the uncompressed report
   * @return the chunks in index order, at least one
   */
  public static List<ProfileChunk> split(
      ProfileMetadata metadata, ProfileSummary summary, byte[] reportBytes) {
    return split(metadata, summary, reportBytes, MAX_CHUNK_PAYLOAD_BYTES);
  }

  /**
   * Splits a report into chunks of at most {@code maxChunkBytes} compressed bytes.
   *
   * @param maxChunkBytes payload limit per chunk, 1 to {@value #MAX_CHUNK_PAYLOAD_BYTES}
   */
  public static List<ProfileChunk> split(
      ProfileMetadata metadata, ProfileSummary summary, byte[] reportBytes, int maxChunkBytes) {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(reportBytes, "reportBytes");
    if (maxChunkBytes < 1 || maxChunkBytes > MAX_CHUNK_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "maxChunkBytes must be in [1, " + MAX_CHUNK_PAYLOAD_BYTES + "]: " + maxChunkBytes);
    }
    byte[] compressed = gzip(reportBytes);
    int count = Math.max(1, (compressed.length + maxChunkBytes - 1) / maxChunkBytes);
    List<ProfileChunk> chunks = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      int from = index * maxChunkBytes;
      int to = Math.min(compressed.length, from + maxChunkBytes);
      chunks.add(
          ProfileChunk.newBuilder()
              .setProfileId(metadata.profileId())
              .setHostId(metadata.hostId())
              .setCommandId(metadata.commandId())
              .setAlertFingerprint(metadata.alertFingerprint())
              .setStartedAtMillis(Instant.ofEpochMilli(metadata.startedAtMillis()))
              .setEndedAtMillis(Instant.ofEpochMilli(metadata.endedAtMillis()))
              .setChunkIndex(index)
              .setChunkCount(count)
              .setCodec(CompressionCodec.GZIP)
              .setFormat(metadata.format())
              .setPayload(ByteBuffer.wrap(Arrays.copyOfRange(compressed, from, to)))
              .setSummary(index == 0 ? summary : null)
              .build());
    }
    return chunks;
  }

  /**
   * Joins a complete set of chunks (in any order) back into the report.
   *
   * @throws ProfileChunkException when the chunks do not form exactly one complete report
   */
  public static AssembledProfile join(Collection<ProfileChunk> chunks) {
    Objects.requireNonNull(chunks, "chunks");
    if (chunks.isEmpty()) {
      throw new ProfileChunkException("no chunks to join");
    }
    ProfileChunk first = chunks.iterator().next();
    String profileId = ProfileMetadata.str(first.getProfileId());
    int count = first.getChunkCount();
    if (count < 1) {
      throw new ProfileChunkException(
          "profile " + profileId + ": chunkCount must be at least 1, was " + count);
    }
    ProfileChunk[] byIndex = new ProfileChunk[count];
    for (ProfileChunk chunk : chunks) {
      String id = ProfileMetadata.str(chunk.getProfileId());
      if (!profileId.equals(id)) {
        throw new ProfileChunkException(
            "chunks of different profiles: " + profileId + " and " + id);
      }
      if (chunk.getChunkCount() != count) {
        throw new ProfileChunkException(
            "profile "
                + profileId
                + ": chunk "
                + chunk.getChunkIndex()
                + " says chunkCount "
                + chunk.getChunkCount()
                + ", another says "
                + count);
      }
      int index = chunk.getChunkIndex();
      if (index < 0 || index >= count) {
        throw new ProfileChunkException(
            "profile " + profileId + ": chunk index " + index + " outside [0, " + count + ")");
      }
      if (byIndex[index] != null) {
        throw new ProfileChunkException("profile " + profileId + ": duplicate chunk " + index);
      }
      if (chunk.getCodec() != first.getCodec()) {
        throw new ProfileChunkException(
            "profile " + profileId + ": chunk " + index + " uses codec " + chunk.getCodec());
      }
      byIndex[index] = chunk;
    }
    for (int index = 0; index < count; index++) {
      if (byIndex[index] == null) {
        throw new ProfileChunkException(
            "profile "
                + profileId
                + ": missing chunk "
                + index
                + " of "
                + count
                + " (got "
                + chunks.size()
                + ")");
      }
    }
    ProfileSummary summary = byIndex[0].getSummary();
    if (summary == null) {
      throw new ProfileChunkException("profile " + profileId + ": chunk 0 carries no summary");
    }
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (ProfileChunk chunk : byIndex) {
      ByteBuffer slice = chunk.getPayload().duplicate();
      byte[] bytes = new byte[slice.remaining()];
      slice.get(bytes);
      payload.writeBytes(bytes);
    }
    byte[] report =
        first.getCodec() == CompressionCodec.GZIP
            ? gunzip(profileId, payload.toByteArray())
            : payload.toByteArray();
    return new AssembledProfile(ProfileMetadata.of(byIndex[0]), summary, report);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(String profileId, byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        total += read;
        if (total > MAX_REPORT_BYTES) {
          throw new ProfileChunkException(
              "profile " + profileId + ": report larger than " + MAX_REPORT_BYTES + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ProfileChunkException("profile " + profileId + ": corrupt gzip payload", e);
    }
  }
}
