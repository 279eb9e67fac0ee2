package io.tickwatch.producer.internal.collect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A /proc file re-read from offset 0 into a reused buffer, with tiny allocation-free parsers. Not
 * thread-safe.
 */
public final class ProcFile implements AutoCloseable {

  private final Path path;
  private final ByteBuffer buffer;
  private FileChannel channel;
  private int length;

  /** Opens nothing yet; {@link #read()} opens the file on first use. */
  public ProcFile(Path path, int capacityBytes) {
    this.path = path;
    this.buffer = ByteBuffer.allocate(capacityBytes);
  }

  /** Whether the file exists and is readable. */
  public static boolean readable(Path path) {
    return Files.isReadable(path);
  }

  /** Reads the whole file (up to the buffer capacity) and returns its length in bytes. */
  public int read() throws IOException {
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    }
    buffer.clear();
    long position = 0;
    int n;
    while (buffer.hasRemaining() && (n = channel.read(buffer, position)) > 0) {
      position += n;
    }
    length = buffer.position();
    return length;
  }

  /** Byte at {@code i} of the last read. */
  public byte at(int i) {
    return buffer.get(i);
  }

  /** Length of the last read. */
  public int length() {
    return length;
  }

  /** Index just after the first occurrence of {@code key} at or after {@code from}, or -1. */
  public int indexAfter(String key, int from) {
    int last = length - key.length();
    outer:
    for (int i = from; i <= last; i++) {
      for (int k = 0; k < key.length(); k++) {
        if (buffer.get(i + k) != key.charAt(k)) {
          continue outer;
        }
      }
      return i + key.length();
    }
    return -1;
  }

  /**
   * The first number on the first line that starts with {@code key} (so {@code "inactive_file "}
   * does not match {@code "total_inactive_file "}), or -1 when there is no such line or number.
   */
  public long lineNumber(String key) {
    int lineStart = 0;
    while (lineStart < length) {
      if (startsWith(key, lineStart)) {
        int at = lineStart + key.length();
        return number(at, indexOf((byte) '\n', at), 0);
      }
      lineStart = indexOf((byte) '\n', lineStart) + 1;
    }
    return -1;
  }

  private boolean startsWith(String key, int at) {
    if (at + key.length() > length) {
      return false;
    }
    for (int k = 0; k < key.length(); k++) {
      if (buffer.get(at + k) != key.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Index of the next byte {@code b} at or after {@code from}, or {@link #length()}. */
  public int indexOf(byte b, int from) {
    for (int i = from; i < length; i++) {
      if (buffer.get(i) == b) {
        return i;
      }
    }
    return length;
  }

  /**
   * Parses the {@code n}-th (0-based) unsigned decimal number at or after {@code from}, stopping at
   * {@code end}; returns -1 when there is none.
   */
  public long number(int from, int end, int n) {
    int i = from;
    int seen = 0;
    while (i < end) {
      while (i < end && !isDigit(buffer.get(i))) {
        i++;
      }
      if (i >= end) {
        return -1;
      }
      long value = 0;
      while (i < end && isDigit(buffer.get(i))) {
        value = value * 10 + (buffer.get(i) - '0');
        i++;
      }
      if (seen == n) {
        return value;
      }
      seen++;
    }
    return -1;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to do on close
      }
      channel = null;
    }
  }
}
