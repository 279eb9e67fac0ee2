package io.tickwatch.dashboard.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's access token and the session value derived from it. Every comparison is constant
 * time ({@link MessageDigest#isEqual}).
 *
 * <p>The session value is {@code base64url(HMAC-SHA256(key = token, "tickwatch-dashboard-session-
 * v1"))}: a browser cookie holding it proves the user knew the token without the token itself ever
 * being stored in the browser. It stays valid across restarts with the same token and is void as
 * soon as the token changes. Immutable and thread-safe.
 */
public final class AccessToken {

  private static final byte[] SESSION_LABEL =
      "tickwatch-dashboard-session-v1".getBytes(StandardCharsets.UTF_8);

  private final byte[] token;
  private final byte[] session;

  /**
   * @param token the access token (not empty)
   */
  public AccessToken(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("empty access token");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.session = hmac(this.token).getBytes(StandardCharsets.US_ASCII);
  }

  private static String hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(SESSION_LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** True when {@code candidate} is the token; null is never. */
  public boolean matches(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** True when an {@code Authorization} header value is {@code Bearer <token>}. */
  public boolean matchesBearer(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && matches(authorization.substring(7).trim());
  }

  /** The session cookie value (URL-safe base64, no padding). */
  public String sessionValue() {
    return new String(session, StandardCharsets.US_ASCII);
  }

  /** True when a cookie value is {@link #sessionValue()}; null is never. */
  public boolean matchesSession(String cookie) {
    return cookie != null
        && MessageDigest.isEqual(session, cookie.getBytes(StandardCharsets.UTF_8));
  }
}
