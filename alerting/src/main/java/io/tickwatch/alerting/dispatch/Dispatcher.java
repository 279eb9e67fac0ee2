package io.tickwatch.alerting.dispatch;

import io.tickwatch.alerting.notify.Notification;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Groups alerts by route and group-by labels and decides when a group is notified (Alertmanager's
 * {@code dispatch}): a new group waits {@code groupWait}, then is flushed at most every {@code
 * groupInterval}; a flush sends when an alert fires that was not notified yet, an alert resolved
 * after being notified, an acknowledgement arrived, or the {@code repeatInterval} elapsed for
 * unacknowledged firing alerts. Muted (silenced or inhibited) and flapping alerts are held back.
 *
 * <p>What was already sent is read from each alert's {@code lastNotifiedAtMillis}, which the engine
 * persists: the dispatcher itself keeps only timers, so a restart resends nothing that was recorded
 * as delivered and forgets nothing that was not. A group with a notification in flight is not
 * flushed again until {@link #completed(String)}.
 *
 * <p>Not thread-safe: called from the engine's thread.
 */
public final class Dispatcher {
  private final Route root;
  private final InstantSource clock;
  private final String dashboardBaseUrl;
  private final Map<String, Group> groups = new LinkedHashMap<>();

  public Dispatcher(Route root, InstantSource clock, String dashboardBaseUrl) {
    this.root = Objects.requireNonNull(root, "root");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.dashboardBaseUrl =
        dashboardBaseUrl.endsWith("/")
            ? dashboardBaseUrl.substring(0, dashboardBaseUrl.length() - 1)
            : dashboardBaseUrl;
  }

  private static final class Group {
    final String key;
    final Route route;
    final Map<String, String> labels;
    final List<Alert> members = new ArrayList<>();
    long nextFlushMillis;
    boolean inFlight;

    Group(String key, Route route, Map<String, String> labels, long nextFlushMillis) {
      this.key = key;
      this.route = route;
      this.labels = labels;
      this.nextFlushMillis = nextFlushMillis;
    }
  }

  /** The group key an alert belongs to: {@code <route>:{label="value",...}}. */
  public String groupKeyOf(Alert alert) {
    Route route = root.match(alert.getLabels());
    return groupKey(route, groupLabels(route, alert));
  }

  /**
   * Assigns the alerts to groups and returns the notifications due now. Each returned group is in
   * flight until {@link #completed(String)} is called with its key.
   */
  public List<Notification> dispatch(Collection<Alert> alerts) {
    long now = clock.millis();
    groups.values().forEach(g -> g.members.clear());
    for (Alert alert : alerts) {
      if (alert.getState() == AlertState.PENDING) {
        continue;
      }
      Route route = root.match(alert.getLabels());
      Map<String, String> labels = groupLabels(route, alert);
      String key = groupKey(route, labels);
      Group group = groups.get(key);
      if (group == null) {
        if (!needsGroup(alert)) {
          continue;
        }
        group = new Group(key, route, labels, now + route.groupWait().toMillis());
        groups.put(key, group);
      }
      group.members.add(alert);
    }
    List<Notification> due = new ArrayList<>();
    Iterator<Group> it = groups.values().iterator();
    while (it.hasNext()) {
      Group g = it.next();
      if (g.inFlight) {
        continue;
      }
      if (g.members.stream().noneMatch(Dispatcher::needsGroup)) {
        it.remove();
        continue;
      }
      if (now < g.nextFlushMillis) {
        continue;
      }
      Notification n = flush(g, now);
      if (n != null) {
        g.inFlight = true;
        g.nextFlushMillis = now + g.route.groupInterval().toMillis();
        due.add(n);
      }
    }
    return due;
  }

  /** The notification of this group finished (delivered or given up); the group may flush again. */
  public void completed(String groupKey) {
    Group g = groups.get(groupKey);
    if (g != null) {
      g.inFlight = false;
    }
  }

  private Notification flush(Group g, long now) {
    boolean send = false;
    List<Alert> included = new ArrayList<>();
    for (Alert a : g.members) {
      if (a.getFlapping()) {
        continue;
      }
      Long last =
          a.getLastNotifiedAtMillis() == null ? null : a.getLastNotifiedAtMillis().toEpochMilli();
      if (a.getState() == AlertState.FIRING && !muted(a)) {
        included.add(a);
        if (last == null) {
          send = true;
        } else if (a.getAcknowledgement() != null) {
          send |= a.getAcknowledgement().getAcknowledgedAtMillis().toEpochMilli() > last;
        } else {
          send |= now - last >= g.route.repeatInterval().toMillis();
        }
      } else if (a.getState() == AlertState.RESOLVED
          && last != null
          && a.getEndsAtMillis() != null
          && last < a.getEndsAtMillis().toEpochMilli()) {
        included.add(a);
        send = true;
      }
    }
    if (!send) {
      return null;
    }
    return Notification.of(
        g.key, g.labels, included, g.route.receivers(), now, dashboardLink(g.labels));
  }

  /** An alert keeps its group alive while it fires or still owes a resolve notification. */
  private static boolean needsGroup(Alert a) {
    if (a.getState() == AlertState.FIRING) {
      return true;
    }
    return a.getState() == AlertState.RESOLVED
        && a.getLastNotifiedAtMillis() != null
        && a.getEndsAtMillis() != null
        && a.getLastNotifiedAtMillis().isBefore(a.getEndsAtMillis());
  }

  private static boolean muted(Alert a) {
    return !a.getSilencedBy().isEmpty() || !a.getInhibitedBy().isEmpty();
  }

  private static Map<String, String> groupLabels(Route route, Alert alert) {
    Map<String, String> labels = new TreeMap<>();
    for (String name : route.groupBy()) {
      labels.put(name, alert.getLabels().getOrDefault(name, ""));
    }
    return labels;
  }

  private static String groupKey(Route route, Map<String, String> labels) {
    StringBuilder sb = new StringBuilder(route.name()).append(":{");
    boolean first = true;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append(e.getKey()).append("=\"").append(e.getValue()).append('"');
    }
    return sb.append('}').toString();
  }

  private String dashboardLink(Map<String, String> labels) {
    String host = labels.get("host");
    if (host == null || host.isEmpty()) {
      return dashboardBaseUrl + "/";
    }
    return dashboardBaseUrl
        + "/?host="
        + java.net.URLEncoder.encode(host, java.nio.charset.StandardCharsets.UTF_8);
  }
}
