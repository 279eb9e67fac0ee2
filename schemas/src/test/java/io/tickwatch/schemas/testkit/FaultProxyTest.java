package io.tickwatch.schemas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

  private EchoServer echo;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    proxy = FaultProxy.start("127.0.0.1", echo.port());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void shouldForwardBothWaysInPassMode() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
      assertThat(roundTrip(socket, "again")).isEqualTo("again");
    }
    assertThat(proxy.bytesForwarded()).isEqualTo(20);
  }

  @Test
  void shouldHoldBytesWhilePausedAndDeliverThemInOrderOnResume() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "warm")).isEqualTo("warm");
      proxy.pause();
      write(socket, "held");
      // a paused server answers nothing; the connection stays open
      socket.setSoTimeout(300);
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      long forwardedWhilePaused = proxy.bytesForwarded();
      try (Socket late = connect()) {
        // new connections are accepted (the kernel of a stopped process still accepts)
        assertThat(late.isConnected()).isTrue();
        proxy.pass();
        assertThat(read(socket, 4)).isEqualTo("held");
        assertThat(roundTrip(late, "late")).isEqualTo("late");
      }
      assertThat(forwardedWhilePaused).isEqualTo(8);
    }
  }

  @Test
  void shouldResetOpenConnectionsAndRefuseNewOnesWhenCut() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "ok")).isEqualTo("ok");
      proxy.cut();
      assertThat(endOfStreamOrReset(socket)).isTrue();
    }
    try (Socket refused = connect()) {
      assertThat(endOfStreamOrReset(refused)).isTrue();
    }
    assertThat(proxy.openConnections()).isZero();
    proxy.pass();
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "back")).isEqualTo("back");
    }
  }

  @Test
  void shouldResetConnectionsUntilATargetIsSet() throws IOException {
    try (FaultProxy unbound = FaultProxy.startUnbound();
        Socket early = new Socket(InetAddress.getLoopbackAddress(), unbound.port())) {
      assertThat(endOfStreamOrReset(early)).isTrue();
      unbound.forwardTo("127.0.0.1", echo.port());
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), unbound.port())) {
        assertThat(roundTrip(socket, "bound")).isEqualTo("bound");
      }
    }
  }

  @Test
  void shouldDelayEveryChunkByAtLeastTheLatency() throws IOException {
    proxy.latency(100);
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      assertThat(roundTrip(socket, "slow")).isEqualTo("slow");
      // a lower bound only: the proxy must have held the request and the answer 100 ms each
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
    }
  }

  @Test
  void shouldEndEveryThreadOnClose() throws IOException {
    Socket a = connect();
    Socket b = connect();
    assertThat(roundTrip(a, "a")).isEqualTo("a");
    assertThat(roundTrip(b, "b")).isEqualTo("b");
    proxy.pause();
    write(a, "stuck");
    Set<Thread> threads = proxyThreads();
    proxy.close();
    a.close();
    b.close();
    // acceptor plus a reader and a writer per direction and connection
    assertThat(threads).hasSize(9).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    assertThat(proxy.openConnections()).isZero();
  }

  private Set<Thread> proxyThreads() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(proxy.name() + "-"))
        .forEach(threads::add);
    return threads;
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String roundTrip(Socket socket, String text) throws IOException {
    write(socket, text);
    return read(socket, text.length());
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String read(Socket socket, int length) throws IOException {
    socket.setSoTimeout(10_000);
    byte[] bytes = socket.getInputStream().readNBytes(length);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private static boolean endOfStreamOrReset(Socket socket) {
    try {
      socket.setSoTimeout(10_000);
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Echoes every byte back, one thread per connection. */
  private static final class EchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    EchoServer() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::accept, "echo-accept");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          sockets.add(socket);
          Thread thread = new Thread(() -> echo(socket), "echo-conn");
          thread.setDaemon(true);
          thread.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private void echo(Socket socket) {
      try (socket) {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buf = new byte[1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // connection ended
      } finally {
        sockets.remove(socket);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }
}
