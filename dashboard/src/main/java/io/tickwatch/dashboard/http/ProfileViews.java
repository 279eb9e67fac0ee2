package io.tickwatch.dashboard.http;

import io.tickwatch.avro.CompressionCodec;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.dashboard.state.FlameNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Profile summaries and flame trees of complete profiles. */
final class ProfileViews {

  /** Decompressed reports larger than this are refused (a flame graph of it is unreadable). */
  static final int MAX_REPORT_BYTES = 64 * 1024 * 1024;

  private ProfileViews() {}

  static Map<String, Object> summary(ProfileChunk head) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profileId", head.getProfileId());
    m.put("hostId", head.getHostId());
    m.put("startedAtMillis", head.getStartedAtMillis().toEpochMilli());
    m.put("endedAtMillis", head.getEndedAtMillis().toEpochMilli());
    m.put("alertFingerprint", head.getAlertFingerprint());
    m.put("commandId", head.getCommandId());
    var summary = head.getSummary();
    m.put("totalSamples", summary == null ? null : summary.getTotalSamples());
    m.put(
        "topMethods",
        summary == null
            ? List.of()
            : summary.getTopMethods().stream().map(AvroJson::toMap).toList());
    return m;
  }

  static FlameNode flame(List<ProfileChunk> chunks) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (ProfileChunk c : chunks) {
      ByteBuffer payload = c.getPayload().duplicate();
      byte[] bytes = new byte[payload.remaining()];
      payload.get(bytes);
      joined.writeBytes(bytes);
    }
    byte[] report = joined.toByteArray();
    if (chunks.get(0).getCodec() == CompressionCodec.GZIP) {
      report = gunzip(report);
    }
    return FlameNode.parseCollapsed(new String(report, StandardCharsets.UTF_8));
  }

  private static byte[] gunzip(byte[] compressed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] out = in.readNBytes(MAX_REPORT_BYTES + 1);
      if (out.length > MAX_REPORT_BYTES) {
        throw new ApiException(422, "profile report larger than " + MAX_REPORT_BYTES + " bytes");
      }
      return out;
    } catch (IOException e) {
      throw new ApiException(422, "profile report is not valid gzip: " + e.getMessage());
    }
  }
}
