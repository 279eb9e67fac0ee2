package io.tickwatch.streams.app;

import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.streams.anomaly.AnomalyConfig;
import io.tickwatch.streams.anomaly.AnomalyStreamsConfig;
import io.tickwatch.streams.anomaly.AnomalyTopology;
import java.util.Properties;

/**
 * The anomaly-detection application: {@link AnomalyTopology} (reads the final 1 s windows of {@code
 * tickwatch.stats}, writes {@code tickwatch.anomalies}) run by {@link StreamsApp} under its own
 * application id, so it scales and restarts independently of the rolling statistics.
 *
 * <p>Its query server answers {@code /health} only: it keeps detector state, not series; series
 * come from the rolling-statistics application.
 */
public final class AnomalyApp {

  private AnomalyApp() {}

  /**
   * Creates (does not start) the application.
   *
   * @param appConfig runner configuration; its application id should differ from the stats app's
   *     (see {@link AnomalyStreamsConfig#DEFAULT_APPLICATION_ID})
   * @param registry schema registry client used by the topology's serdes; owned by the caller
   */
  public static StreamsApp create(
      StreamsAppConfig appConfig, AnomalyConfig anomalyConfig, SchemaRegistryClient registry) {
    Properties recommended =
        AnomalyStreamsConfig.properties(
            anomalyConfig,
            appConfig.applicationId(),
            appConfig.bootstrapServers(),
            appConfig.schemaRegistryUrl());
    return StreamsApp.create(
        appConfig,
        AnomalyTopology.build(anomalyConfig, registry),
        recommended,
        streams -> new NoSeriesReader(AnomalyTopology.STATE_STORE));
  }
}
