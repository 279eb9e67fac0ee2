package io.tickwatch.producer.profile;

import io.tickwatch.avro.ProfileChunk;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports waiting to be sent, one file per report in a local directory, so a report survives a
 * Kafka outage and an agent restart. A file ({@code <millis>-<seq>-<profile id>.chunks}) holds the
 * report's chunks, each as a 4-byte length and the chunk's Avro single-object encoding. Written to
 * a temporary name and renamed, so a reader never sees half a file.
 *
 * <p>Bounded: at most {@code maxFiles} files and {@code maxBytes} bytes; writing beyond either
 * deletes the oldest reports (logged). Thread-safe (synchronized).
 */
public final class ProfileSpool {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileSpool.class);
  private static final String SUFFIX = ".chunks";

  private final Path directory;
  private final int maxFiles;
  private final long maxBytes;
  private final AtomicLong sequence = new AtomicLong();
  private long evicted;

  /**
   * @param directory where the files go (created when missing)
   * @param maxFiles reports kept at most, at least 1
   * @param maxBytes bytes kept at most
   */
  public ProfileSpool(Path directory, int maxFiles, long maxBytes) {
    this.directory = directory;
    this.maxFiles = Math.max(1, maxFiles);
    this.maxBytes = maxBytes;
  }

  /** The directory. */
  public Path directory() {
    return directory;
  }

  /** Writes one report's chunks and enforces the bound. */
  public synchronized Path write(List<ProfileChunk> chunks) throws IOException {
    Files.createDirectories(directory);
    String id = chunks.get(0).getProfileId().replaceAll("[^A-Za-z0-9._-]", "_");
    String name =
        String.format(
            "%013d-%06d-%s%s",
            System.currentTimeMillis(), sequence.getAndIncrement() % 1_000_000, id, SUFFIX);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(chunks.size());
      for (ProfileChunk chunk : chunks) {
        ByteBuffer encoded = chunk.toByteBuffer();
        out.writeInt(encoded.remaining());
        out.write(encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.remaining());
      }
    }
    Path tmp = directory.resolve(name + ".tmp");
    Path file = directory.resolve(name);
    Files.write(tmp, bytes.toByteArray());
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    enforceBound();
    return file;
  }

  /** Files waiting, oldest first. */
  public synchronized List<Path> pending() throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      dir.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  /** The chunks in a file. */
  public List<ProfileChunk> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      int count = data.readInt();
      if (count < 1 || count > 100_000) {
        throw new IOException("bad chunk count " + count + " in " + file);
      }
      List<ProfileChunk> chunks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] encoded = new byte[data.readInt()];
        data.readFully(encoded);
        chunks.add(ProfileChunk.fromByteBuffer(ByteBuffer.wrap(encoded)));
      }
      return chunks;
    }
  }

  /** Deletes a sent (or unreadable) file. */
  public synchronized void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete spooled profile {}: {}", file, e.toString());
    }
  }

  /** Reports deleted to keep the bound. */
  public synchronized long evicted() {
    return evicted;
  }

  private void enforceBound() throws IOException {
    List<Path> files = pending();
    long total = 0;
    for (Path file : files) {
      total += Files.size(file);
    }
    int index = 0;
    while (files.size() - index > 1 && (files.size() - index > maxFiles || total > maxBytes)) {
      Path oldest = files.get(index++);
      total -= Files.size(oldest);
      delete(oldest);
      evicted++;
      LOG.warn("profile spool full: deleted the oldest unsent report {}", oldest.getFileName());
    }
  }
}
