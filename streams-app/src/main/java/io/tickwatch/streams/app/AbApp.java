package io.tickwatch.streams.app;

import io.tickwatch.schemas.registry.SchemaRegistryClient;
import io.tickwatch.streams.ab.AbConfig;
import io.tickwatch.streams.ab.AbStreamsConfig;
import io.tickwatch.streams.ab.AbTopology;
import java.util.Properties;

/**
 * The A/B application: {@link AbTopology} (reads {@code tickwatch.samples} and {@code
 * tickwatch.experiments}, writes {@code tickwatch.ab-results}) run by {@link StreamsApp} under its
 * own application id, so it scales and restarts independently of the other topologies.
 *
 * <p>Its query server answers {@code /health} only: it keeps experiment state, not series.
 */
public final class AbApp {

  private AbApp() {}

  /**
   * Creates (does not start) the application.
   *
   * @param appConfig runner configuration; its application id should differ from the other apps'
   *     (see {@link AbStreamsConfig#DEFAULT_APPLICATION_ID})
   * @param registry schema registry client used by the topology's serdes; owned by the caller
   */
  public static StreamsApp create(
      StreamsAppConfig appConfig, AbConfig abConfig, SchemaRegistryClient registry) {
    Properties recommended =
        AbStreamsConfig.properties(
            abConfig,
            appConfig.applicationId(),
            appConfig.bootstrapServers(),
            appConfig.schemaRegistryUrl());
    return StreamsApp.create(
        appConfig,
        AbTopology.build(abConfig, registry),
        recommended,
        streams -> new NoSeriesReader(AbTopology.STATE_STORE));
  }
}
