package io.tickwatch.alerting.lifecycle;

import io.tickwatch.alerting.model.AlertLabels;
import io.tickwatch.alerting.model.Muter;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertAcknowledgement;
import io.tickwatch.avro.AlertState;
import io.tickwatch.avro.AlertTransition;
import io.tickwatch.avro.AlertTransitionKind;
import io.tickwatch.avro.AnomalyEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alert lifecycle: folds anomaly events into alerts keyed by fingerprint and moves them through
 * PENDING → FIRING → RESOLVED with the {@code for} and keep-firing durations of {@link
 * LifecycleConfig}; tracks flapping, acknowledgement, and which silences and inhibitions mute each
 * alert. Time comes from the injected {@link InstantSource}; nothing here touches Kafka or the
 * network.
 *
 * <p>Not thread-safe: one thread (the service loop, or a test) calls every method. Every change is
 * reported to the {@link AlertChangeListener} before the method returns.
 */
public final class AlertEngine {
  private static final String ACTOR = "alerting";

  private final LifecycleConfig config;
  private final InstantSource clock;
  private final Muter silences;
  private final Muter inhibitor;
  private final AlertChangeListener listener;
  private final String dashboardBaseUrl;
  private final Map<String, AlertEntry> entries = new LinkedHashMap<>();

  /** Next history sequence of fingerprints that have no entry (removed, or known from history). */
  private final Map<String, Long> retiredSequences = new java.util.HashMap<>();

  /** The alert set as of the last {@link #evaluate()}, for muting single alerts on ingest. */
  private List<Alert> lastSnapshot = List.of();

  /**
   * @param silences fills {@code silencedBy}
   * @param inhibitor fills {@code inhibitedBy}
   * @param dashboardBaseUrl base URL of the dashboard, for the {@code dashboardUrl} annotation
   */
  public AlertEngine(
      LifecycleConfig config,
      InstantSource clock,
      Muter silences,
      Muter inhibitor,
      AlertChangeListener listener,
      String dashboardBaseUrl) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.silences = Objects.requireNonNull(silences, "silences");
    this.inhibitor = Objects.requireNonNull(inhibitor, "inhibitor");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.dashboardBaseUrl =
        stripSlash(Objects.requireNonNull(dashboardBaseUrl, "dashboardBaseUrl"));
  }

  /**
   * Folds one anomaly event (or recovery) into its alert and applies that alert's timers (so with
   * {@code for} 0 it fires at once) and mutes (judged against the alert set of the last {@link
   * #evaluate()}). Other alerts change only in {@link #evaluate()}, so a burst of anomalies costs
   * O(1) each.
   */
  public void ingest(AnomalyEvent event) {
    long now = clock.millis();
    String fp = event.getFingerprint();
    AlertEntry entry = entries.get(fp);
    if (event.getActive()) {
      if (entry == null || entry.state == AlertState.RESOLVED) {
        AlertState from = entry == null ? null : entry.state;
        if (entry == null) {
          entry = new AlertEntry(fp);
          Long next = retiredSequences.remove(fp);
          entry.nextSequence = next == null ? 0 : next;
          entries.put(fp, entry);
        }
        openEpisode(entry, event, now);
        record(entry, AlertTransitionKind.STATE_CHANGE, from, ACTOR, "anomaly: " + summary(event));
      } else if (event.getSeverity().ordinal() > entry.severity.ordinal()) {
        entry.severity = event.getSeverity();
        entry.labels = AlertLabels.of(event, entry.severity);
        record(
            entry,
            AlertTransitionKind.SEVERITY_CHANGE,
            entry.state,
            ACTOR,
            "severity raised to " + entry.severity);
      }
      entry.lastActiveMillis = now;
      entry.clearedAtMillis = null;
      entry.anomalyCount++;
      entry.score = event.getScore();
      entry.annotations.put("summary", summary(event));
      entry.updatedAtMillis = now;
    } else if (entry != null && entry.state != AlertState.RESOLVED) {
      if (entry.clearedAtMillis == null) {
        entry.clearedAtMillis = now;
      }
      entry.updatedAtMillis = now;
    }
    if (entry != null) {
      step(entry, now);
      applyMutes(entry, lastSnapshot, now);
      listener.onAlert(entry.toAlert());
    }
  }

  /**
   * Applies every time-driven rule at the clock's current instant: {@code for} elapsed, keep-firing
   * elapsed, staleness, flapping stopped, retention of resolved alerts, and recomputes silences and
   * inhibitions. Call it periodically (the service does every poll).
   */
  public void evaluate() {
    long now = clock.millis();
    Iterator<AlertEntry> it = entries.values().iterator();
    while (it.hasNext()) {
      AlertEntry e = it.next();
      if (e.state == AlertState.RESOLVED
          && e.endsAtMillis != null
          && now - e.endsAtMillis >= config.resolvedRetention().toMillis()) {
        it.remove();
        retiredSequences.put(e.fingerprint, e.nextSequence);
        listener.onRemoved(e.fingerprint);
        continue;
      }
      if (step(e, now)) {
        listener.onAlert(e.toAlert());
      }
    }
    updateMutes(now);
  }

  /** The time-driven rules of one alert; true when it changed. */
  private boolean step(AlertEntry e, long now) {
    boolean changed = false;
    switch (e.state) {
      case PENDING -> {
        if (e.clearedAtMillis != null) {
          changed = resolve(e, now, "condition cleared before 'for' elapsed");
        } else if (config.stalenessEnabled()
            && now - e.lastActiveMillis >= config.staleAfter().toMillis()) {
          changed = resolve(e, now, "no anomaly for " + config.staleAfter());
        } else if (now - e.pendingSinceMillis >= config.forDuration().toMillis()) {
          changed = fire(e, now);
        }
      }
      case FIRING -> {
        Long clearedAt =
            e.clearedAtMillis != null
                ? e.clearedAtMillis
                : config.stalenessEnabled()
                    ? e.lastActiveMillis + config.staleAfter().toMillis()
                    : null;
        if (clearedAt != null
            && now >= clearedAt
            && now - clearedAt >= config.keepFiring().toMillis()) {
          String why =
              e.clearedAtMillis != null
                  ? "condition cleared (keep-firing " + config.keepFiring() + " elapsed)"
                  : "no anomaly for " + config.staleAfter() + " (keep-firing elapsed)";
          changed = resolve(e, now, why);
        }
      }
      case RESOLVED -> {}
    }
    changed |= updateFlapping(e, now);
    if (changed) {
      e.updatedAtMillis = now;
    }
    return changed;
  }

  /**
   * Acknowledges the open episode of an alert. Repeats are not sent for an acknowledged alert; its
   * resolution still is.
   *
   * @return false when there is no open (PENDING or FIRING) alert with this fingerprint
   */
  public boolean acknowledge(String fingerprint, String by, String comment) {
    AlertEntry e = entries.get(fingerprint);
    if (e == null || e.state == AlertState.RESOLVED) {
      return false;
    }
    long now = clock.millis();
    e.acknowledgement =
        AlertAcknowledgement.newBuilder()
            .setAcknowledgedBy(by)
            .setAcknowledgedAtMillis(Instant.ofEpochMilli(now))
            .setComment(comment == null ? "" : comment)
            .build();
    e.updatedAtMillis = now;
    record(e, AlertTransitionKind.ACKNOWLEDGED, e.state, by, comment == null ? "" : comment);
    listener.onAlert(e.toAlert());
    return true;
  }

  /**
   * Records that a notification containing these alerts (as they were when it was built at {@code
   * atMillis}) was delivered. The dispatcher derives what is still to be sent from {@code
   * lastNotifiedAtMillis}, so this is what makes notification restart-safe. An alert that started a
   * new episode since is left alone.
   */
  public void markNotified(Collection<Alert> notified, String receivers, long atMillis) {
    for (Alert sent : notified) {
      AlertEntry e = entries.get(sent.getFingerprint());
      if (e == null || e.startsAtMillis != sent.getStartsAtMillis().toEpochMilli()) {
        continue;
      }
      if (e.lastNotifiedAtMillis == null || e.lastNotifiedAtMillis < atMillis) {
        e.lastNotifiedAtMillis = atMillis;
      }
      e.notificationCount++;
      e.updatedAtMillis = clock.millis();
      record(e, AlertTransitionKind.NOTIFIED, e.state, receivers, "notified " + sent.getState());
      listener.onAlert(e.toAlert());
    }
  }

  /** Records the notification group an alert belongs to (shown with the alert). */
  public void assignGroup(String fingerprint, String groupKey) {
    AlertEntry e = entries.get(fingerprint);
    if (e != null && !e.groupKey.equals(groupKey)) {
      e.groupKey = groupKey;
      listener.onAlert(e.toAlert());
    }
  }

  /**
   * Puts back an alert read from {@code tickwatch.alerts} on start, before any anomaly is ingested.
   * Its staleness and keep-firing timers restart from its {@code updatedAtMillis}.
   *
   * @param nextSequence the next history sequence number for this fingerprint
   */
  public void restore(Alert alert, long nextSequence) {
    entries.put(alert.getFingerprint(), AlertEntry.restore(alert, nextSequence));
  }

  /**
   * Tells the engine where the history of a fingerprint without a current alert stands, so that a
   * new episode continues its sequence (read back from {@code tickwatch.alert-history} on start).
   */
  public void restoreSequence(String fingerprint, long nextSequence) {
    if (!entries.containsKey(fingerprint)) {
      retiredSequences.merge(fingerprint, nextSequence, Math::max);
    }
  }

  /** Snapshot of every alert, in insertion order. */
  public List<Alert> alerts() {
    List<Alert> out = new ArrayList<>(entries.size());
    for (AlertEntry e : entries.values()) {
      out.add(e.toAlert());
    }
    return out;
  }

  /** Snapshot of one alert. */
  public Optional<Alert> alert(String fingerprint) {
    AlertEntry e = entries.get(fingerprint);
    return e == null ? Optional.empty() : Optional.of(e.toAlert());
  }

  private void openEpisode(AlertEntry e, AnomalyEvent event, long now) {
    e.state = AlertState.PENDING;
    e.severity = event.getSeverity();
    e.hostId = event.getHostId();
    e.labels = AlertLabels.of(event, event.getSeverity());
    e.annotations = new TreeMap<>();
    e.annotations.put("dashboardUrl", dashboardLink(event));
    e.startsAtMillis = event.getEventTimeMillis().toEpochMilli();
    e.endsAtMillis = null;
    e.anomalyCount = 0;
    e.acknowledgement = null;
    e.lastNotifiedAtMillis = null;
    e.notificationCount = 0;
    e.pendingSinceMillis = now;
    e.clearedAtMillis = null;
  }

  private boolean fire(AlertEntry e, long now) {
    e.state = AlertState.FIRING;
    record(
        e,
        AlertTransitionKind.STATE_CHANGE,
        AlertState.PENDING,
        ACTOR,
        "for " + config.forDuration() + " elapsed");
    noteStateChange(e, now);
    return true;
  }

  private boolean resolve(AlertEntry e, long now, String reason) {
    AlertState from = e.state;
    e.state = AlertState.RESOLVED;
    e.endsAtMillis = now;
    record(e, AlertTransitionKind.STATE_CHANGE, from, ACTOR, reason);
    if (from == AlertState.FIRING) {
      noteStateChange(e, now);
    }
    return true;
  }

  private void noteStateChange(AlertEntry e, long now) {
    e.stateChangesMillis.addLast(now);
    pruneFlapWindow(e, now);
    if (!e.flapping && e.stateChangesMillis.size() >= config.flapThreshold()) {
      e.flapping = true;
      record(
          e,
          AlertTransitionKind.FLAPPING_STARTED,
          e.state,
          ACTOR,
          e.stateChangesMillis.size() + " state changes within " + config.flapWindow());
    }
  }

  private boolean updateFlapping(AlertEntry e, long now) {
    pruneFlapWindow(e, now);
    int stopBelow = Math.max(1, config.flapThreshold() / 2);
    if (e.flapping && e.stateChangesMillis.size() < stopBelow) {
      e.flapping = false;
      record(
          e,
          AlertTransitionKind.FLAPPING_STOPPED,
          e.state,
          ACTOR,
          "fewer than " + stopBelow + " state changes within " + config.flapWindow());
      return true;
    }
    return false;
  }

  private void pruneFlapWindow(AlertEntry e, long now) {
    long oldest = now - config.flapWindow().toMillis();
    while (!e.stateChangesMillis.isEmpty() && e.stateChangesMillis.peekFirst() <= oldest) {
      e.stateChangesMillis.removeFirst();
    }
  }

  private void updateMutes(long now) {
    List<Alert> current = alerts();
    for (AlertEntry e : entries.values()) {
      if (applyMutes(e, current, now)) {
        listener.onAlert(e.toAlert());
      }
    }
    lastSnapshot = alerts();
  }

  /** Recomputes who mutes this alert; true (and a transition) when that changed. */
  private boolean applyMutes(AlertEntry e, Collection<Alert> current, long now) {
    List<String> silencedBy;
    List<String> inhibitedBy;
    if (e.state == AlertState.RESOLVED) {
      silencedBy = List.of();
      inhibitedBy = List.of();
    } else {
      Alert alert = e.toAlert();
      silencedBy = List.copyOf(silences.mutedBy(alert, current, now));
      inhibitedBy = List.copyOf(inhibitor.mutedBy(alert, current, now));
    }
    boolean changed = false;
    if (!silencedBy.equals(e.silencedBy)) {
      AlertTransitionKind kind =
          silencedBy.isEmpty() ? AlertTransitionKind.UNSILENCED : AlertTransitionKind.SILENCED;
      e.silencedBy = silencedBy;
      record(e, kind, e.state, ACTOR, "silences: " + silencedBy);
      changed = true;
    }
    if (!inhibitedBy.equals(e.inhibitedBy)) {
      AlertTransitionKind kind =
          inhibitedBy.isEmpty() ? AlertTransitionKind.UNINHIBITED : AlertTransitionKind.INHIBITED;
      e.inhibitedBy = inhibitedBy;
      record(e, kind, e.state, ACTOR, "inhibited by: " + inhibitedBy);
      changed = true;
    }
    if (changed) {
      e.updatedAtMillis = now;
    }
    return changed;
  }

  private void record(
      AlertEntry e, AlertTransitionKind kind, AlertState from, String actor, String reason) {
    listener.onTransition(
        AlertTransition.newBuilder()
            .setFingerprint(e.fingerprint)
            .setSequence(e.nextSequence++)
            .setKind(kind)
            .setFromState(from)
            .setToState(e.state)
            .setSeverity(e.severity)
            .setHostId(e.hostId)
            .setLabels(new TreeMap<>(e.labels))
            .setAtMillis(Instant.ofEpochMilli(clock.millis()))
            .setActor(actor)
            .setReason(reason)
            .build());
  }

  private String dashboardLink(AnomalyEvent event) {
    return dashboardBaseUrl
        + "/?host="
        + java.net.URLEncoder.encode(event.getHostId(), java.nio.charset.StandardCharsets.UTF_8)
        + "&metric="
        + java.net.URLEncoder.encode(event.getMetric(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String summary(AnomalyEvent event) {
    if (!event.getMessage().isEmpty()) {
      return event.getMessage();
    }
    return event.getMetric()
        + " on "
        + event.getHostId()
        + " anomalous ("
        + event.getDetector()
        + ", score "
        + String.format(java.util.Locale.ROOT, "%.2f", event.getScore())
        + ")";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
