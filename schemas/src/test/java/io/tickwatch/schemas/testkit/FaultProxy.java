package io.tickwatch.schemas.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that injects network faults between clients and a server (a Kafka broker in
 * the fault tests). It listens on {@code 127.0.0.1} on an ephemeral port and forwards every
 * accepted connection to a target {@code host:port} with a reader and a writer thread per
 * direction.
 *
 * <p>Modes ({@link #mode(Mode)}, switchable at any time):
 *
 * <ul>
 *   <li>{@link Mode#PASS}: forwards bytes as they come.
 *   <li>{@link Mode#PAUSE}: what a {@code SIGSTOP}ped server looks like to its clients: new
 *       connections are still accepted and kept open, but no byte is forwarded in either direction.
 *       At most {@value #QUEUE_CHUNKS} chunks of up to {@value #CHUNK_BYTES} bytes per direction
 *       and connection are held; beyond that TCP flow control pushes back on the sender. On {@code
 *       PASS} the held bytes are delivered in order.
 *   <li>{@link Mode#CUT}: a dead server: every open connection is reset, new ones are accepted and
 *       reset at once.
 *   <li>{@link Mode#LATENCY}: forwards each chunk {@link #latencyMillis()} after it was read
 *       (chunks are pipelined: latency is added, throughput is not capped).
 * </ul>
 *
 * <p>The target may be set after construction ({@link #forwardTo}), so the proxy's port can be
 * known before the server starts (a broker must advertise it). Until then connections are reset.
 * All threads are daemons and end on {@link #close()}. Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

  /** How the proxy treats traffic. */
  public enum Mode {
    /** Forward everything. */
    PASS,
    /** Keep connections open, forward nothing. */
    PAUSE,
    /** Reset every connection, accept none. */
    CUT,
    /** Forward each chunk after the configured latency. */
    LATENCY
  }

  /** Largest chunk read at once. */
  public static final int CHUNK_BYTES = 16 * 1024;

  /** Chunks held per direction and connection (while paused or delayed) before reads stop. */
  public static final int QUEUE_CHUNKS = 16;

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final ServerSocket server;
  private final Thread acceptor;
  private final String name;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Object modeLock = new Object();
  private final AtomicLong bytesForwarded = new AtomicLong();
  private final AtomicLong connectionsAccepted = new AtomicLong();
  private volatile InetSocketAddress target;
  private volatile Mode mode = Mode.PASS;
  private volatile long latencyMillis;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target) {
    this.target = target;
    this.name = "fault-proxy-" + INSTANCES.incrementAndGet();
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback", e);
    }
    acceptor = new Thread(this::acceptLoop, name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a proxy in {@link Mode#PASS} forwarding to {@code host:port}. */
  public static FaultProxy start(String host, int port) {
    return new FaultProxy(new InetSocketAddress(host, port));
  }

  /** Starts a proxy without a target yet (connections are reset until {@link #forwardTo}). */
  public static FaultProxy startUnbound() {
    return new FaultProxy(null);
  }

  /** Sets (or changes) where new connections are forwarded to. */
  public FaultProxy forwardTo(String host, int port) {
    this.target = new InetSocketAddress(host, port);
    return this;
  }

  /** Unique name of this proxy; every thread it starts is named {@code name() + "-..."}. */
  public String name() {
    return name;
  }

  /** The port the proxy listens on ({@code 127.0.0.1}). */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code 127.0.0.1:port} of the proxy. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** The current mode. */
  public Mode mode() {
    return mode;
  }

  /** Switches the mode; switching to {@link Mode#CUT} resets every open connection. */
  public FaultProxy mode(Mode newMode) {
    synchronized (modeLock) {
      mode = newMode;
      modeLock.notifyAll();
    }
    if (newMode == Mode.CUT) {
      for (Link link : links) {
        link.reset();
      }
    }
    return this;
  }

  /** Forwards everything again. */
  public FaultProxy pass() {
    return mode(Mode.PASS);
  }

  /** Holds every byte, keeps connections open (like a {@code SIGSTOP}ped server). */
  public FaultProxy pause() {
    return mode(Mode.PAUSE);
  }

  /** Resets every connection and refuses new ones (like a dead server). */
  public FaultProxy cut() {
    return mode(Mode.CUT);
  }

  /** Delays each forwarded chunk by {@code millis}. */
  public FaultProxy latency(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("latency must be >= 0 ms");
    }
    latencyMillis = millis;
    return mode(Mode.LATENCY);
  }

  /** The delay of {@link Mode#LATENCY} in milliseconds. */
  public long latencyMillis() {
    return latencyMillis;
  }

  /** Bytes forwarded (handed to the receiving socket) so far, both directions. */
  public long bytesForwarded() {
    return bytesForwarded.get();
  }

  /** Connections accepted so far (including those reset at once). */
  public long connectionsAccepted() {
    return connectionsAccepted.get();
  }

  /** Connections currently open. */
  public int openConnections() {
    return links.size();
  }

  /** Stops listening, closes every connection and ends every thread. */
  @Override
  public void close() {
    closed = true;
    synchronized (modeLock) {
      modeLock.notifyAll();
    }
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    joinQuietly(acceptor);
    for (Link link : List.copyOf(links)) {
      link.reset();
      link.threads().forEach(FaultProxy::joinQuietly);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      connectionsAccepted.incrementAndGet();
      InetSocketAddress to = target;
      if (mode == Mode.CUT || to == null) {
        resetQuietly(client);
        continue;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(to, 2000);
      } catch (IOException e) {
        resetQuietly(client);
        resetQuietly(upstream);
        continue;
      }
      Link link = new Link(client, upstream);
      links.add(link);
      link.start();
    }
  }

  /** Blocks while paused; false when the chunk must not be forwarded (cut or closed). */
  private boolean awaitForwarding() throws InterruptedException {
    synchronized (modeLock) {
      while (mode == Mode.PAUSE && !closed) {
        modeLock.wait();
      }
    }
    return !closed && mode != Mode.CUT;
  }

  private static void resetQuietly(Socket socket) {
    try {
      if (!socket.isClosed() && socket.isConnected()) {
        socket.setSoLinger(true, 0);
      }
    } catch (SocketException ignored) {
      // closing anyway
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A chunk read from one side, stamped with when it was read; an empty chunk is end-of-stream. */
  private record Chunk(byte[] bytes, int length, long readNanos) {}

  /**
   * One proxied connection: two sockets and, per direction, a reader that stamps chunks into a
   * bounded queue and a writer that forwards them when the mode allows (so added latency delays
   * each chunk without capping throughput). Any thread ending resets both sockets.
   */
  private final class Link {
    private final Socket client;
    private final Socket upstream;
    private final List<Thread> threads;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
      String id = name + "-" + client.getPort();
      BlockingQueue<Chunk> up = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
      BlockingQueue<Chunk> down = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
      this.threads =
          List.of(
              thread(() -> read(client, up), id + "-up-read"),
              thread(() -> write(up, upstream), id + "-up-write"),
              thread(() -> read(upstream, down), id + "-down-read"),
              thread(() -> write(down, client), id + "-down-write"));
    }

    void start() {
      threads.forEach(Thread::start);
    }

    List<Thread> threads() {
      return threads;
    }

    private Thread thread(Runnable body, String threadName) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  body.run();
                } finally {
                  reset();
                }
              },
              threadName);
      thread.setDaemon(true);
      return thread;
    }

    private void read(Socket from, BlockingQueue<Chunk> queue) {
      try {
        InputStream in = from.getInputStream();
        while (true) {
          byte[] bytes = new byte[CHUNK_BYTES];
          int n = in.read(bytes);
          if (n < 0) {
            queue.put(new Chunk(bytes, 0, System.nanoTime()));
            // the writer ends the link once everything before the end was forwarded
            return;
          }
          queue.put(new Chunk(bytes, n, System.nanoTime()));
        }
      } catch (IOException | InterruptedException e) {
        // the connection ends either way
      }
    }

    private void write(BlockingQueue<Chunk> queue, Socket to) {
      try {
        OutputStream out = to.getOutputStream();
        while (true) {
          Chunk chunk = queue.take();
          if (chunk.length() == 0) {
            // the sender closed: close both sides gracefully so forwarded bytes are not lost
            closeGracefully();
            return;
          }
          if (!awaitForwarding()) {
            return;
          }
          if (mode == Mode.LATENCY) {
            long dueNanos = chunk.readNanos() + TimeUnit.MILLISECONDS.toNanos(latencyMillis);
            long leftNanos;
            while ((leftNanos = dueNanos - System.nanoTime()) > 0 && !closed) {
              TimeUnit.NANOSECONDS.sleep(leftNanos);
            }
            if (!awaitForwarding()) {
              return;
            }
          }
          // counted before the write, so whoever sees the bytes arrive also sees them counted
          bytesForwarded.addAndGet(chunk.length());
          out.write(chunk.bytes(), 0, chunk.length());
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // the connection ends either way
      }
    }

    private void closeGracefully() {
      links.remove(this);
      closeQuietly(upstream);
      closeQuietly(client);
    }

    void reset() {
      resetQuietly(client);
      resetQuietly(upstream);
      links.remove(this);
      for (Thread thread : threads) {
        if (thread != Thread.currentThread()) {
          thread.interrupt();
        }
      }
    }
  }
}
