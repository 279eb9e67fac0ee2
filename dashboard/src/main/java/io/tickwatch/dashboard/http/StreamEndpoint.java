package io.tickwatch.dashboard.http;

import io.javalin.http.Context;
import io.tickwatch.dashboard.sse.EventHub;
import io.tickwatch.dashboard.sse.SseSink;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/stream}: keeps the request open (servlet async, no timeout) and hands a sink
 * writing raw {@code text/event-stream} bytes to the {@link EventHub}.
 */
final class StreamEndpoint {

  private final EventHub hub;

  StreamEndpoint(EventHub hub) {
    this.hub = hub;
  }

  void handle(Context ctx) throws IOException {
    var res = ctx.res();
    res.setStatus(200);
    res.setCharacterEncoding("UTF-8");
    res.setContentType("text/event-stream");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Accel-Buffering", "no");
    CompletableFuture<Void> done = new CompletableFuture<>();
    ServletOutputStream out = res.getOutputStream();
    SseSink sink =
        new SseSink() {
          @Override
          public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
          }

          @Override
          public void close() {
            done.complete(null);
          }
        };
    if (!hub.subscribe(sink)) {
      throw new ApiException(503, "too many stream clients, retry later");
    }
    ctx.future(() -> done);
  }
}
