package io.tickwatch.dashboard.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Guards the read endpoints when the server is not bound to loopback (or {@code
 * dashboard.read.token=always}): every non-POST request to {@code /api/...} (except the session
 * endpoint) and to {@code /metrics} needs {@code Authorization: Bearer <token>} or the session
 * cookie {@value #COOKIE}, else 401. POSTs keep their own check ({@link AccessGuard}); the page,
 * its assets and {@code /health} stay open. When reads are open the guard lets everything through.
 */
public final class ReadGuard {

  /** Name of the session cookie (HttpOnly, SameSite=Strict, Path=/). */
  public static final String COOKIE = "tickwatch_session";

  static final String SESSION_PATH = "/api/v1/session";

  private final AccessToken token;
  private final boolean required;

  /**
   * @param token the access token
   * @param required whether reads need it
   */
  public ReadGuard(AccessToken token, boolean required) {
    this.token = token;
    this.required = required;
  }

  /** Whether reads need the token. */
  public boolean required() {
    return required;
  }

  /** The token (also used to log in). */
  public AccessToken token() {
    return token;
  }

  /** True when the request carries the token as Bearer or a valid session cookie. */
  public boolean authenticated(Context ctx) {
    return token.matchesBearer(ctx.header("Authorization"))
        || token.matchesSession(ctx.cookie(COOKIE));
  }

  /** True when the guard applies to this request (regardless of its credentials). */
  boolean guards(Context ctx) {
    if (!required || ctx.method() == HandlerType.POST) {
      return false;
    }
    String path = ctx.path();
    return path.equals("/metrics") || (path.startsWith("/api/") && !path.equals(SESSION_PATH));
  }

  /**
   * A {@code before} handler: refuses an unauthenticated guarded request.
   *
   * @throws ApiException 401 telling how to authenticate
   */
  public void check(Context ctx) {
    if (guards(ctx) && !authenticated(ctx)) {
      throw new ApiException(
          401,
          "this dashboard is not on a loopback address: reads need the access token"
              + " (Authorization: Bearer <token>, or log in: open /?token=<token> once"
              + " or POST /api/v1/session)");
    }
  }

  /** The {@code Set-Cookie} value that logs a browser in. */
  String loginCookie() {
    return COOKIE + "=" + token.sessionValue() + "; Path=/; HttpOnly; SameSite=Strict";
  }

  /** The {@code Set-Cookie} value that logs a browser out. */
  static String logoutCookie() {
    return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
  }
}
