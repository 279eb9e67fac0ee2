package io.tickwatch.alerting.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signature of a webhook body: {@code sha256=<hex of HMAC(key, timestamp + "." +
 * body)>}, sent in {@value #SIGNATURE_HEADER} with the epoch-seconds timestamp in {@value
 * #TIMESTAMP_HEADER}. A receiver recomputes it and rejects stale timestamps to stop replays.
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-Tickwatch-Signature";
  public static final String TIMESTAMP_HEADER = "X-Tickwatch-Timestamp";

  private WebhookSignature() {}

  /** The header value for this key, timestamp and body. */
  public static String sign(String key, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Constant-time check of a received signature. */
  public static boolean verify(String key, long timestampSeconds, String body, String signature) {
    byte[] expected = sign(key, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
    byte[] actual = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }
}
