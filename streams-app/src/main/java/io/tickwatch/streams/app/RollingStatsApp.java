package io.tickwatch.streams.app;

import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.streams.stats.RollingStatsConfig;
import io.tickwatch.streams.stats.RollingStatsStreamsConfig;
import io.tickwatch.streams.stats.RollingStatsTopology;
import java.util.Properties;
import org.apache.kafka.streams.Topology;

/**
 * The rolling-statistics application: {@link RollingStatsTopology} run by {@link StreamsApp} with
 * the topology's recommended properties (dead-letter handlers, bounded RocksDB, ...) and
 * interactive queries over its window stores. Live processing and replay differ only in their
 * configurations (application id, output namespace, time range).
 */
public final class RollingStatsApp {

  private RollingStatsApp() {}

  /**
   * Creates (does not start) the application.
   *
   * @param registry schema registry client used by the topology's serdes; owned by the caller and
   *     closed after the application
   */
  public static StreamsApp create(
      StreamsAppConfig appConfig, RollingStatsConfig statsConfig, SchemaRegistryClient registry) {
    Topology topology = RollingStatsTopology.build(statsConfig, registry);
    Properties recommended =
        RollingStatsStreamsConfig.properties(
            statsConfig,
            appConfig.applicationId(),
            appConfig.bootstrapServers(),
            appConfig.schemaRegistryUrl());
    return StreamsApp.create(
        appConfig,
        topology,
        recommended,
        streams -> new RollingStatsSeriesReader(streams, statsConfig));
  }
}
