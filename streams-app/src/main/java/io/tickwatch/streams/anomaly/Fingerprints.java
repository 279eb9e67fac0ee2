package io.tickwatch.streams.anomaly;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stable fingerprints of anomalies: lowercase hex of the first 16 bytes of SHA-256 over rule id,
 * host id, metric and the labels sorted by name (NUL-separated). Depends on nothing else (no time,
 * no partition, no JVM hash codes), so it is the same across restarts, replays and versions.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** The fingerprint of a rule's condition on one series. */
  public static String of(String ruleId, String hostId, String metric, Map<String, String> labels) {
    StringBuilder text = new StringBuilder();
    text.append(ruleId).append('\0').append(hostId).append('\0').append(metric);
    for (Map.Entry<String, String> l : new TreeMap<>(labels).entrySet()) {
      text.append('\0').append(l.getKey()).append('=').append(l.getValue());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
