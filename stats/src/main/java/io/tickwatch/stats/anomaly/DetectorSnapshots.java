package io.tickwatch.stats.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Snapshot and restore of a detector's state (Java serialisation of its plain fields), e.g. for a
 * Kafka Streams state store. The bytes are only meant to be read by the same build: a change of a
 * detector's fields invalidates older snapshots (restore throws; start a fresh detector).
 */
public final class DetectorSnapshots {

  private DetectorSnapshots() {}

  /** The detector's complete state as bytes. */
  public static byte[] snapshot(AnomalyDetector detector) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(detector);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot snapshot " + detector.getClass().getName(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * A detector equal in state to the one {@code snapshot} was taken from.
   *
   * @throws IllegalArgumentException when the bytes are not a snapshot of this build's detectors
   */
  public static AnomalyDetector restore(byte[] snapshot) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
      Object o = in.readObject();
      if (!(o instanceof AnomalyDetector detector)) {
        throw new IllegalArgumentException("not a detector snapshot: " + o.getClass().getName());
      }
      return detector;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("unreadable detector snapshot: " + e.getMessage(), e);
    }
  }
}
