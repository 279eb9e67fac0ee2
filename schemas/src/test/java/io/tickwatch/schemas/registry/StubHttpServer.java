package io.tickwatch.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP server on 127.0.0.1 and an ephemeral port that records every request ("METHOD /path")
 * and answers with a {@link Responder}. Also usable as a recording proxy in front of a real
 * registry ({@link #proxyTo(String)}).
 */
final class StubHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final ExecutorService executor;

  /** Answers the {@code requestNumber}-th request (from 1) to {@code method path}. */
  @FunctionalInterface
  interface Responder {
    Reply respond(int requestNumber, String method, String pathAndQuery, byte[] body)
        throws IOException, InterruptedException;
  }

  record Reply(int status, String body) {}

  private StubHttpServer(Responder responder) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String pathAndQuery = exchange.getRequestURI().toString();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Reply reply =
                responder.respond(requests.size(), exchange.getRequestMethod(), pathAndQuery, body);
            send(exchange, reply);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.start();
  }

  static StubHttpServer answering(Responder responder) {
    return new StubHttpServer(responder);
  }

  /** Forwards every request to {@code targetUrl} and relays the answer. */
  static StubHttpServer proxyTo(String targetUrl) {
    HttpClient http = HttpClient.newHttpClient();
    return new StubHttpServer(
        (n, method, pathAndQuery, body) -> {
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(targetUrl + pathAndQuery))
                  .header("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE)
                  .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                  .build();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          return new Reply(response.statusCode(), response.body());
        });
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request so far as "METHOD /path", in arrival order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE);
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
