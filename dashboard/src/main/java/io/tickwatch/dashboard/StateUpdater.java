package io.tickwatch.dashboard;

import io.tickwatch.avro.AbResult;
import io.tickwatch.avro.ActionAudit;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.Experiment;
import io.tickwatch.avro.ProfileChunk;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.dashboard.feed.FeedRouter;
import io.tickwatch.dashboard.http.AvroJson;
import io.tickwatch.dashboard.http.Json;
import io.tickwatch.dashboard.http.ProfileViews;
import io.tickwatch.dashboard.http.Views;
import io.tickwatch.dashboard.sse.EventHub;
import io.tickwatch.dashboard.state.AlertBook;
import io.tickwatch.dashboard.state.ExperimentBook;
import io.tickwatch.dashboard.state.ProfileBook;
import io.tickwatch.dashboard.state.SeriesKey;
import io.tickwatch.dashboard.state.SeriesStore;

/** Applies decoded records to the state and publishes the live events. Feed thread only. */
final class StateUpdater implements FeedRouter.FeedListener {

  private final SeriesStore store;
  private final AlertBook alerts;
  private final ExperimentBook experiments;
  private final ProfileBook profiles;
  private final EventHub hub;

  StateUpdater(
      SeriesStore store,
      AlertBook alerts,
      ExperimentBook experiments,
      ProfileBook profiles,
      EventHub hub) {
    this.store = store;
    this.alerts = alerts;
    this.experiments = experiments;
    this.profiles = profiles;
    this.hub = hub;
  }

  @Override
  public void onStats(RollingStats stats, boolean live) {
    store
        .accept(stats)
        .filter(u -> live)
        .ifPresent(
            u -> hub.publishCoalesced(Views.statsKey(u), "stats", Json.write(Views.stats(u))));
  }

  @Override
  public void onSamples(SeriesKey key, long startMillis, long intervalMicros, double[] values) {
    store.acceptSamples(key, startMillis, intervalMicros, values);
  }

  @Override
  public void onAlert(String fingerprint, Alert alert) {
    alerts.put(fingerprint, alert);
    if (alert != null) {
      String profileId = profiles.profileForAlert(fingerprint).orElse(null);
      hub.publishCoalesced(
          "a|" + fingerprint,
          "alert",
          Json.write(Views.alert(alert, alerts.actions(fingerprint), profileId)));
    }
  }

  @Override
  public void onAction(ActionAudit action) {
    alerts.addAction(action);
    String fp = action.getAlertFingerprint();
    if (fp != null) {
      alerts.alert(fp).ifPresent(a -> onAlert(fp, a));
    }
  }

  @Override
  public void onExperiment(String experimentId, Experiment experiment) {
    experiments.put(experimentId, experiment);
  }

  @Override
  public void onAbResult(AbResult result) {
    if (experiments.addResult(result)) {
      hub.publishCoalesced(
          "x|" + result.getExperimentId(), "ab-result", Json.write(AvroJson.toMap(result)));
    }
  }

  @Override
  public void onProfileChunk(ProfileChunk chunk) {
    if (profiles.add(chunk)) {
      ProfileChunk head = profiles.complete(chunk.getProfileId()).orElseThrow().get(0);
      hub.publish("profile", Json.write(ProfileViews.summary(head)));
    }
  }
}
