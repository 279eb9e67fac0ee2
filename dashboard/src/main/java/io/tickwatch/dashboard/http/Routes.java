package io.tickwatch.dashboard.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers every route, the security headers and the error mapping on a Javalin app. */
public final class Routes {

  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private Routes() {}

  /** Installs the dashboard on {@code app}. */
  public static void install(Javalin app, ApiContext api) {
    ReadApi read = new ReadApi(api);
    WriteApi write = new WriteApi(api);
    StreamEndpoint stream = new StreamEndpoint(api.hub());
    SessionEndpoint session = new SessionEndpoint(api.readGuard());

    app.before(SecurityHeaders::apply);
    app.before(api.readGuard()::check);

    app.get("/health", ctx -> health(ctx, api));
    app.get(
        "/metrics",
        ctx -> {
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
          ctx.result(api.metricsText().get());
        });

    app.get("/api/v1/overview", read::overview);
    app.get("/api/v1/hosts", read::hosts);
    app.get("/api/v1/series", read::series);
    app.get("/api/v1/metrics-catalog", read::catalog);
    app.get("/api/v1/alerts", read::alerts);
    app.get("/api/v1/experiments", read::experiments);
    app.get("/api/v1/experiments/{id}/results", read::experimentResults);
    app.get("/api/v1/profiles", read::profiles);
    app.get("/api/v1/profiles/{id}", read::profile);
    app.get("/api/v1/stream", stream::handle);
    app.get(ReadGuard.SESSION_PATH, session::status);
    app.post(ReadGuard.SESSION_PATH, session::login);
    app.delete(ReadGuard.SESSION_PATH, session::logout);

    app.post("/api/v1/alerts/{fingerprint}/ack", write::acknowledge);
    app.post("/api/v1/silences", write::silence);
    app.post("/api/v1/control/profile", write::profile);
    app.post("/api/v1/control/shed", write::shed);

    // browsers ask for it on every page without an icon link (the JSON answers): no 404 noise
    app.get("/favicon.ico", ctx -> ctx.status(204));
    app.get("/webjars/uplot/<path>", StaticAssets::uplot);
    app.get(
        "/",
        ctx -> {
          if (!session.loginByQuery(ctx)) {
            StaticAssets.ui(ctx);
          }
        });
    app.get("/<path>", StaticAssets::ui);

    app.exception(
        ApiException.class,
        (e, ctx) -> Json.answer(ctx, e.status(), Map.of("error", e.getMessage())));
    app.exception(
        io.tickwatch.dashboard.upstream.UpstreamException.class,
        (e, ctx) -> Json.answer(ctx, e.status(), Map.of("error", e.getMessage())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
          Json.answer(ctx, 500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        });
    app.error(404, ctx -> notFound(ctx));
    app.error(405, ctx -> Json.answer(ctx, 405, Map.of("error", "method not allowed")));
  }

  private static void notFound(Context ctx) {
    if (ctx.resultInputStream() == null) {
      Json.answer(ctx, 404, Map.of("error", "not found: " + ctx.path()));
    }
  }

  private static void health(Context ctx, ApiContext api) {
    Map<String, String> checks = api.healthChecks().get();
    // an optional upstream that is not configured is not a problem; anything else but UP is
    boolean up =
        checks.values().stream().allMatch(v -> v.equals("UP") || v.equals("not configured"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", up ? "UP" : "DEGRADED");
    out.put("checks", checks);
    Json.answer(ctx, 200, out);
  }
}
