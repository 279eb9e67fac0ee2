package io.tickwatch.streams.app;

import io.tickwatch.schemas.registry.RestSchemaRegistryClient;
import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.streams.stats.RollingStatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;

/**
 * The rolling-stats application as a child JVM for crash tests ({@link RollingStatsCrashRun}).
 * Args: bootstrap servers, registry URL, state directory, application id. Prints {@code CHILD
 * state=S} on every state change and {@code CHILD dropped=N} (the sum of Kafka Streams' {@code
 * dropped-records-total}) twice a second and on shutdown; runs until {@code SIGTERM} (clean close)
 * or {@code SIGKILL}.
 */
public final class RollingStatsChildMain {

  private RollingStatsChildMain() {}

  public static void main(String[] args) throws Exception {
    StreamsAppConfig appConfig =
        StreamsAppConfig.defaults()
            .withCluster(args[0], args[1])
            .withDataDir(Path.of(args[2]))
            .withQueryPort(0)
            .withApplicationId(args[3]);
    // a lagging partition must not be taken for a silent host (only per-host windows are checked)
    RollingStatsConfig statsConfig =
        RollingStatsConfig.from(
            key -> RollingStatsConfig.FLEET_HOST_TIMEOUT.equals(key) ? "600s" : null);
    SchemaRegistryClient registry = new RestSchemaRegistryClient(args[1]);
    StreamsApp app = RollingStatsApp.create(appConfig, statsConfig, registry);
    app.streams()
        .setStateListener((newState, oldState) -> System.out.println("CHILD state=" + newState));
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  reporter.shutdownNow();
                  app.close();
                  System.out.println("CHILD dropped=" + dropped(app));
                  System.out.println("CHILD closed");
                  System.out.flush();
                  closed.countDown();
                }));
    app.start();
    reporter.scheduleAtFixedRate(
        () -> System.out.println("CHILD dropped=" + dropped(app)),
        0,
        Duration.ofMillis(500).toMillis(),
        TimeUnit.MILLISECONDS);
    closed.await();
  }

  private static long dropped(StreamsApp app) {
    double sum = 0;
    for (Metric metric : app.streams().metrics().values()) {
      if (metric.metricName().name().equals("dropped-records-total")
          && metric.metricValue() instanceof Number n) {
        sum += n.doubleValue();
      }
    }
    return (long) sum;
  }
}
