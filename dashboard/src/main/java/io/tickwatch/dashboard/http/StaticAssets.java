package io.tickwatch.dashboard.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the single-page UI from the classpath folder {@code io/tickwatch/dashboard/web/} and uPlot
 * from its webjar ({@code /webjars/uplot/dist/...}, with or without the version segment). Only
 * plain file names are served (no {@code ..}, no hidden files).
 */
public final class StaticAssets {

  /** The webjar version of uPlot the server ships. */
  public static final String UPLOT_VERSION = "1.6.30";

  static final String WEB_ROOT = "io/tickwatch/dashboard/web/";
  static final String UPLOT_ROOT = "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/";

  private static final Pattern SAFE_PATH =
      Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9_.-]*/)*" + "[A-Za-z0-9_-][A-Za-z0-9_.-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "map", "application/json; charset=utf-8",
          "txt", "text/plain; charset=utf-8");

  private StaticAssets() {}

  /** {@code GET /} and {@code GET /<file>}: the UI. */
  public static void ui(Context ctx) throws IOException {
    String path = ctx.path();
    String file = path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
    serve(ctx, WEB_ROOT, file);
  }

  /** {@code GET /webjars/uplot/<file>}: uPlot. */
  public static void uplot(Context ctx) throws IOException {
    String file = ctx.path().substring("/webjars/uplot/".length());
    if (file.startsWith(UPLOT_VERSION + "/")) {
      file = file.substring(UPLOT_VERSION.length() + 1);
    }
    serve(ctx, UPLOT_ROOT, file);
  }

  private static void serve(Context ctx, String root, String file) throws IOException {
    if (!SAFE_PATH.matcher(file).matches()) {
      throw new ApiException(404, "not found: " + ctx.path());
    }
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(root + file)) {
      if (in == null) {
        throw new ApiException(404, "not found: " + ctx.path());
      }
      int dot = file.lastIndexOf('.');
      String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
      ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
      ctx.header("Cache-Control", root.equals(UPLOT_ROOT) ? "max-age=86400" : "no-cache");
      ctx.result(in.readAllBytes());
    }
  }
}
