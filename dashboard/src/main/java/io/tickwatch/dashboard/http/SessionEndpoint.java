package io.tickwatch.dashboard.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Browser login for the read endpoints (see {@link ReadGuard}): the token is exchanged once for the
 * HttpOnly session cookie, either by opening {@code /?token=<token>} (answered with a redirect to
 * the page without the query) or by {@code POST /api/v1/session {"token": ...}} from the page's
 * prompt (same Origin and JSON checks as the control actions). {@code GET /api/v1/session} tells
 * the page whether it must ask; {@code DELETE} logs out.
 */
final class SessionEndpoint {

  private final ReadGuard guard;

  SessionEndpoint(ReadGuard guard) {
    this.guard = guard;
  }

  /** {@code GET /api/v1/session}: {@code {"required": bool, "authenticated": bool}}. */
  void status(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("required", guard.required());
    out.put("authenticated", !guard.required() || guard.authenticated(ctx));
    Json.answer(ctx, 200, out);
  }

  /** {@code POST /api/v1/session}: 204 with the cookie, 401 for a wrong token. */
  void login(Context ctx) {
    AccessGuard.checkOriginAndJson(ctx);
    JsonNode body = Json.body(ctx);
    JsonNode token = body.get("token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw new ApiException(400, "body needs {\"token\": \"<access token>\"}");
    }
    if (!guard.token().matches(token.asText().trim())) {
      throw new ApiException(401, "invalid access token");
    }
    ctx.header("Set-Cookie", guard.loginCookie());
    ctx.header("Cache-Control", "no-store");
    ctx.status(204);
  }

  /** {@code DELETE /api/v1/session}: clears the cookie. */
  void logout(Context ctx) {
    ctx.header("Set-Cookie", ReadGuard.logoutCookie());
    ctx.status(204);
  }

  /**
   * {@code GET /?token=...}: sets the cookie when the token is right, and in any case redirects to
   * the page without the query so the token does not stay in the address bar.
   *
   * @return true when the request was answered (a token query was present)
   */
  boolean loginByQuery(Context ctx) {
    String token = ctx.queryParam("token");
    if (token == null) {
      return false;
    }
    if (guard.token().matches(token.trim())) {
      ctx.header("Set-Cookie", guard.loginCookie());
    }
    ctx.header("Cache-Control", "no-store");
    ctx.header("Location", "./");
    ctx.status(303);
    return true;
  }
}
