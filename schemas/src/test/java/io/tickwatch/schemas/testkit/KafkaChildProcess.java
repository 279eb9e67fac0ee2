package io.tickwatch.schemas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker (combined broker and controller) in a child JVM, so a test can send it
 * real signals: {@link #stop()} is {@code kill -STOP} (the process freezes, its sockets stay open,
 * the kernel keeps accepting connections), {@link #resume()} is {@code kill -CONT}. The child runs
 * {@code kafka.Kafka} from this JVM's class path (the test class path has the broker through {@code
 * kafka-test-common-runtime}); its log goes to a file in its temporary directory.
 *
 * <p>Only on Linux-like systems with a {@code kill} command: check {@link #supported()} first (and
 * skip the test otherwise). Starting takes a few seconds (two JVM starts: format, then broker).
 */
public final class KafkaChildProcess implements KafkaUnderTest {

  private static final long START_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(90);

  private final Path dir;
  private final int port;
  private final int saslPort;
  private final Path config;
  private final boolean deleteDirOnClose;
  private volatile Process process;
  private final Thread reaper;

  private KafkaChildProcess(
      Path dir, int port, int saslPort, Path config, boolean deleteDirOnClose, Process process) {
    this.dir = dir;
    this.port = port;
    this.saslPort = saslPort;
    this.config = config;
    this.deleteDirOnClose = deleteDirOnClose;
    this.process = process;
    // never leave a (possibly stopped) broker behind if the test JVM exits without close()
    this.reaper = new Thread(() -> this.process.destroyForcibly(), "kafka-child-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Whether this platform can run and signal the child broker. */
  public static boolean supported() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return (os.contains("linux") || os.contains("mac"))
        && (Files.isExecutable(Path.of("/bin/kill"))
            || Files.isExecutable(Path.of("/usr/bin/kill")));
  }

  /** Formats storage, starts the broker and waits until it answers an admin request. */
  public static KafkaChildProcess start() {
    return start(Map.of());
  }

  /**
   * Like {@link #start()}, with a second client listener that requires SASL authentication: {@code
   * SASL_PLAINTEXT} with mechanism {@code PLAIN} on {@link #saslBootstrapServers()}, for these
   * users (name to password; letters, digits, {@code -} and {@code _} only). The PLAINTEXT listener
   * stays (unauthenticated, used between broker and its own tools); clients that must authenticate
   * connect to the SASL one with {@link #saslClientProperties(String, String)}.
   */
  public static KafkaChildProcess startWithSaslPlain(Map<String, String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("at least one SASL user");
    }
    users.forEach(
        (user, password) -> {
          if (!user.matches("[A-Za-z0-9_-]+") || !password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("SASL user names and passwords: [A-Za-z0-9_-]+");
          }
        });
    return start(users);
  }

  /**
   * Client properties that authenticate as this user over SASL_PLAINTEXT / PLAIN: {@code
   * security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}.
   */
  public static Map<String, String> saslClientProperties(String user, String password) {
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        "PLAIN",
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
  }

  private static KafkaChildProcess start(Map<String, String> saslUsers) {
    Path dir = null;
    Process process = null;
    try {
      dir = Files.createTempDirectory("tickwatch-kafka-child");
      int port = freePort();
      int controllerPort = freePort();
      int saslPort = saslUsers.isEmpty() ? 0 : freePort();
      Path config = dir.resolve("server.properties");
      writeConfig(config, dir.resolve("data"), port, controllerPort, saslPort, saslUsers);
      Path log = dir.resolve("broker.log");
      runToEnd(
          javaCommand(
              "kafka.tools.StorageTool",
              "format",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              config.toString()),
          log);
      process = launch(config, log);
      KafkaChildProcess kafka = new KafkaChildProcess(dir, port, saslPort, config, true, process);
      try {
        kafka.awaitReady();
      } catch (RuntimeException e) {
        kafka.close();
        throw e;
      }
      return kafka;
    } catch (IOException | RuntimeException e) {
      if (process != null) {
        process.destroyForcibly();
      }
      if (dir != null) {
        deleteQuietly(dir);
      }
      throw new IllegalStateException("Could not start the child-process Kafka broker", e);
    }
  }

  /**
   * Formats and launches one node of a multi-node KRaft cluster (combined broker and controller)
   * without waiting for it: the caller ({@link KafkaChildCluster}) launches every voter first,
   * since no node is ready before a quorum of controllers runs. Storage lives in {@code dir}, which
   * the caller owns (it is not deleted on {@link #close()}).
   */
  static KafkaChildProcess launchClusterNode(
      Path dir, String clusterId, int nodeId, int port, Map<String, String> properties)
      throws IOException {
    Path config = dir.resolve("server.properties");
    Properties props = new Properties();
    props.putAll(properties);
    props.put("node.id", Integer.toString(nodeId));
    props.put("log.dirs", dir.resolve("data").toString());
    try (Writer out = Files.newBufferedWriter(config)) {
      props.store(out, "tickwatch child-process cluster node " + nodeId);
    }
    Path log = dir.resolve("broker.log");
    runToEnd(
        javaCommand("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()),
        log);
    return new KafkaChildProcess(dir, port, 0, config, false, launch(config, log));
  }

  private static Process launch(Path config, Path log) throws IOException {
    return new ProcessBuilder(javaCommand("kafka.Kafka", config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** Whether the broker process is running (a stopped one counts as running). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends {@code SIGTERM} (a controlled shutdown: leadership moves away first) and waits until the
   * process has exited.
   */
  public void terminate() {
    signal("-TERM");
    awaitExit();
  }

  /** Sends {@code SIGKILL} (a crash: no controlled shutdown, no flush) and waits for the exit. */
  public void kill() {
    signal("-KILL");
    awaitExit();
  }

  /**
   * Starts the broker again after {@link #terminate()} or {@link #kill()}, on the same ports with
   * the same storage, and waits until it answers an admin request.
   */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("the broker is still running");
    }
    try {
      process = launch(config, dir.resolve("broker.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("the broker did not exit within 60 s; killed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker to exit", e);
    }
  }

  /** {@code 127.0.0.1:port} of the broker's client listener. */
  @Override
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /**
   * {@code 127.0.0.1:port} of the SASL_PLAINTEXT listener.
   *
   * @throws IllegalStateException if the broker was not started {@link #startWithSaslPlain with
   *     SASL}
   */
  public String saslBootstrapServers() {
    if (saslPort == 0) {
      throw new IllegalStateException("this broker was not started with a SASL listener");
    }
    return "127.0.0.1:" + saslPort;
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  /** A new admin client for this broker; the caller closes it. */
  @Override
  public Admin createAdmin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Freezes the broker process ({@code SIGSTOP}). */
  public void stop() {
    signal("-STOP");
  }

  /** Thaws the broker process ({@code SIGCONT}). */
  public void resume() {
    signal("-CONT");
  }

  /** Resumes, terminates (then kills) the broker and deletes its storage. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        signal("-CONT");
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      if (deleteDirOnClose) {
        deleteQuietly(dir);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  private void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling the broker", e);
    }
  }

  void awaitReady() {
    long deadline = System.nanoTime() + START_LIMIT_NANOS;
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
            200);
    try (Admin admin = Admin.create(config)) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the child broker exited with " + process.exitValue() + "; log: " + logTail());
        }
        try {
          if (!admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
              .nodes()
              .get()
              .isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          if (notYet instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", notYet);
          }
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("the child broker never became ready; log: " + logTail());
        }
        LockSupport.parkNanos(100_000_000L);
      }
    }
  }

  private String logTail() {
    try {
      String log = Files.readString(dir.resolve("broker.log"));
      return log.substring(Math.max(0, log.length() - 4000));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static List<String> javaCommand(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  private static void runToEnd(List<String> command, Path log) throws IOException {
    Process format =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!format.waitFor(60, TimeUnit.SECONDS)) {
        format.destroyForcibly();
        throw new IllegalStateException("formatting the broker storage did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      format.destroyForcibly();
      throw new IllegalStateException("interrupted while formatting", e);
    }
    if (format.exitValue() != 0) {
      throw new IllegalStateException(
          "formatting the broker storage failed: " + Files.readString(log));
    }
  }

  private static void writeConfig(
      Path file,
      Path data,
      int port,
      int controllerPort,
      int saslPort,
      Map<String, String> saslUsers)
      throws IOException {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", data.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    if (saslPort != 0) {
      props.put(
          "listeners", props.getProperty("listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
      props.put(
          "advertised.listeners",
          props.getProperty("advertised.listeners") + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
      props.put(
          "listener.security.protocol.map",
          props.getProperty("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
      props.put("sasl.enabled.mechanisms", "PLAIN");
      StringBuilder jaas =
          new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
      saslUsers.forEach(
          (user, password) ->
              jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
      props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
    }
    try (Writer out = Files.newBufferedWriter(file)) {
      props.store(out, "tickwatch child-process test broker");
    }
  }

  static int freePort() throws IOException {
    // the port is free now; a race with another process grabbing it is possible but rare
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // temporary directory; best effort
    }
  }
}
