package io.tickwatch.dashboard.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Guards the control actions: a POST must carry {@code Authorization: Bearer <token>} (else 401),
 * an {@code Origin}, when present, equal to the server's own origin {@code http://<Host header>}
 * (else 403), and {@code Content-Type: application/json} (else 415).
 */
public final class AccessGuard {

  private final AccessToken token;

  /**
   * @param token the access token
   */
  public AccessGuard(AccessToken token) {
    this.token = token;
  }

  /**
   * Checks a control request.
   *
   * @throws ApiException 401, 403 or 415 with the reason
   */
  public void check(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || authorization.isBlank()) {
      throw new ApiException(401, "control actions need the access token: Authorization: Bearer");
    }
    if (!token.matchesBearer(authorization)) {
      throw new ApiException(401, "invalid access token");
    }
    checkOriginAndJson(ctx);
  }

  /**
   * The checks of a browser-facing POST besides the token: same origin and a JSON body.
   *
   * @throws ApiException 403 or 415 with the reason
   */
  static void checkOriginAndJson(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null) {
      String host = ctx.header("Host");
      String own = host == null ? null : "http://" + host.toLowerCase(Locale.ROOT);
      if (own == null || !own.equals(origin.toLowerCase(Locale.ROOT))) {
        throw new ApiException(
            403, "cross-origin request refused: Origin " + origin + " is not " + own);
      }
    }
    String type = ctx.header("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw new ApiException(
          415, "Content-Type must be application/json, got " + (type == null ? "none" : type));
    }
  }
}
