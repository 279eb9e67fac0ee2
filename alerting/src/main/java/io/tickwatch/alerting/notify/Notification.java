package io.tickwatch.alerting.notify;

import io.tickwatch.alerting.model.AlertLabels;
import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One message about one group of alerts, for one or more receivers. Immutable.
 *
 * @param groupKey the group's key: route name and group-by label values
 * @param dedupKey stable id of the group (hash of {@code groupKey}): PagerDuty's {@code dedup_key},
 *     the same for trigger, acknowledge and resolve of the group
 * @param notificationKey id of this exact content (group, alert states, acknowledgement): a
 *     receiver that sees the same key twice got a duplicate (at-least-once delivery)
 * @param status FIRING when at least one alert fires, else RESOLVED
 * @param acknowledged every firing alert of the notification is acknowledged
 * @param groupLabels the group-by labels and their values
 * @param alerts firing alerts of the group, then alerts that resolved since the last notification
 * @param receivers names of the receivers it goes to
 * @param createdAtMillis when the dispatcher built it (epoch milliseconds)
 * @param dashboardUrl link to the dashboard for the group
 */
public record Notification(
    String groupKey,
    String dedupKey,
    String notificationKey,
    AlertState status,
    boolean acknowledged,
    Map<String, String> groupLabels,
    List<Alert> alerts,
    List<String> receivers,
    long createdAtMillis,
    String dashboardUrl) {

  public Notification {
    groupLabels = Map.copyOf(groupLabels);
    alerts = List.copyOf(alerts);
    receivers = List.copyOf(receivers);
  }

  /** Builds a notification, deriving dedup key, notification key, status and acknowledgement. */
  public static Notification of(
      String groupKey,
      Map<String, String> groupLabels,
      List<Alert> alerts,
      List<String> receivers,
      long createdAtMillis,
      String dashboardUrl) {
    List<Alert> firing = alerts.stream().filter(a -> a.getState() == AlertState.FIRING).toList();
    boolean acknowledged =
        !firing.isEmpty() && firing.stream().allMatch(a -> a.getAcknowledgement() != null);
    AlertState status = firing.isEmpty() ? AlertState.RESOLVED : AlertState.FIRING;
    StringBuilder content = new StringBuilder(groupKey).append('|').append(status);
    content.append('|').append(acknowledged);
    alerts.stream()
        .map(
            a ->
                a.getFingerprint()
                    + "@"
                    + a.getStartsAtMillis().toEpochMilli()
                    + ":"
                    + a.getState())
        .sorted()
        .forEach(s -> content.append('|').append(s));
    return new Notification(
        groupKey,
        AlertLabels.hash(groupKey),
        AlertLabels.hash(content.toString()),
        status,
        acknowledged,
        groupLabels,
        alerts,
        receivers,
        createdAtMillis,
        dashboardUrl);
  }

  /** Alerts in the given state. */
  public List<Alert> alertsIn(AlertState state) {
    List<Alert> out = new ArrayList<>();
    for (Alert a : alerts) {
      if (a.getState() == state) {
        out.add(a);
      }
    }
    return out;
  }

  /** Labels every alert shares (same name and value). */
  public Map<String, String> commonLabels() {
    Map<String, String> common = null;
    for (Alert a : alerts) {
      if (common == null) {
        common = new TreeMap<>(a.getLabels());
      } else {
        common.entrySet().removeIf(e -> !e.getValue().equals(a.getLabels().get(e.getKey())));
      }
    }
    return common == null ? Map.of() : common;
  }

  /** The notification's receivers replaced. */
  public Notification withReceivers(List<String> newReceivers) {
    return new Notification(
        groupKey,
        dedupKey,
        notificationKey,
        status,
        acknowledged,
        groupLabels,
        alerts,
        newReceivers,
        createdAtMillis,
        dashboardUrl);
  }
}
