package io.tickwatch.cli.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks, before anything starts, that the TCP ports a component wants to bind are free. */
public final class PortCheck {

  private PortCheck() {}

  /**
   * Throws {@link StackException} with a one-line message naming the port and its purpose when
   * {@code port} cannot be bound on {@code host}.
   *
   * @param purpose what the port is for, e.g. "Kafka" or "schema registry"
   * @param optionHint the command-line option that changes the port, e.g. "--kafka-port"
   */
  public static void requireFree(String host, int port, String purpose, String optionHint) {
    if (port == 0) {
      return;
    }
    if (!isFree(host, port)) {
      throw new StackException(
          "port "
              + port
              + " ("
              + purpose
              + ") on "
              + host
              + " is already in use; stop whatever holds it or choose another with "
              + optionHint);
    }
  }

  /** Whether a server socket can bind {@code host:port} right now. */
  public static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // like the servers themselves: connections in TIME_WAIT from an earlier run must not count
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns a port that was free a moment ago (for tests and for choosing ephemeral ports). */
  public static int findFreePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StackException("could not find a free TCP port: " + e.getMessage(), e);
    }
  }
}
