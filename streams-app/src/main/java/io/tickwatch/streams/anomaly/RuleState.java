package io.tickwatch.streams.anomaly;

import io.tickwatch.stats.anomaly.AnomalyDetector;
import io.tickwatch.stats.anomaly.DegradationScorer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything one rule remembers about one series (or, for a rule combining several series, one
 * host): the detector's state, the hysteresis counters, whether it is firing, and the inputs of a
 * window still waiting for its other series. Plain fields, stored in the {@code
 * anomaly-detector-state} store after every record (see {@link #toBytes()}), so a restart resumes
 * exactly here and a replay of the same input gives the same output.
 */
final class RuleState implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Format version of {@link #toBytes()}; a different version restarts the state. */
  static final byte FORMAT = 1;

  /** The canonical JSON of the rule this state belongs to; a changed rule starts afresh. */
  final String ruleJson;

  long lastWindowStartMillis = Long.MIN_VALUE;
  long lastWindowEndMillis = Long.MIN_VALUE;

  /** The series (or host) events of this state are about; set with the first judged window. */
  String hostId;

  String cluster;
  String metric;
  java.util.TreeMap<String, String> labels;

  long windowsEvaluated;
  int alarmRun;
  int clearRun;
  boolean firing;
  int firedSeverity = -1;
  double baselineEwma = Double.NaN;
  AnomalyDetector detector;
  DegradationScorer degradation;

  /** Window start of the inputs waiting in {@link #pending}, or {@link Long#MIN_VALUE}. */
  long pendingWindowStartMillis = Long.MIN_VALUE;

  /** Inputs of the pending window by role (multi-input rules only). */
  final Map<String, Double> pending = new HashMap<>();

  RuleState(String ruleJson) {
    this.ruleJson = ruleJson;
  }

  /** The state as bytes: a format byte, then Java serialisation of the plain fields. */
  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    bytes.write(FORMAT);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise rule state", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The state stored in {@code bytes}, or null when they are of another format or build (the caller
   * starts a fresh state and logs it).
   */
  static RuleState fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < 2 || bytes[0] != FORMAT) {
      return null;
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
      return in.readObject() instanceof RuleState state ? state : null;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return null;
    }
  }
}
