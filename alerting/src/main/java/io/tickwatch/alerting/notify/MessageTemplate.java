package io.tickwatch.alerting.notify;

import io.tickwatch.avro.Alert;
import io.tickwatch.avro.AlertState;
import java.util.List;
import java.util.Locale;

/**
 * Renders a notification as text: a title such as {@code [FIRING:2] tick.duration:zscore
 * host=host-3} and a body with one line per alert (severity, summary, link to the dashboard). Pure
 * and thread-safe.
 */
public final class MessageTemplate {
  private MessageTemplate() {}

  /** One-line title. */
  public static String title(Notification n) {
    int firing = n.alertsIn(AlertState.FIRING).size();
    int resolved = n.alertsIn(AlertState.RESOLVED).size();
    StringBuilder sb = new StringBuilder("[");
    sb.append(n.status() == AlertState.FIRING ? "FIRING:" + firing : "RESOLVED:" + resolved);
    if (n.acknowledged()) {
      sb.append(", ACK");
    }
    sb.append("] ");
    String alertname = n.commonLabels().get("alertname");
    if (alertname != null) {
      sb.append(alertname).append(' ');
    }
    n.groupLabels()
        .forEach(
            (k, v) -> {
              if (!k.equals("alertname")) {
                sb.append(k).append('=').append(v).append(' ');
              }
            });
    return sb.toString().trim();
  }

  /** Multi-line body, ending with the dashboard link. */
  public static String body(Notification n) {
    StringBuilder sb = new StringBuilder();
    appendSection(sb, "Firing", n.alertsIn(AlertState.FIRING));
    appendSection(sb, "Resolved", n.alertsIn(AlertState.RESOLVED));
    sb.append("Dashboard: ").append(n.dashboardUrl());
    return sb.toString();
  }

  private static void appendSection(StringBuilder sb, String heading, List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    sb.append(heading).append(":\n");
    for (Alert a : alerts) {
      sb.append("- ")
          .append(a.getSeverity().name().toLowerCase(Locale.ROOT))
          .append(' ')
          .append(a.getHostId())
          .append(": ")
          .append(a.getAnnotations().getOrDefault("summary", a.getLabels().get("alertname")));
      if (a.getAcknowledgement() != null) {
        sb.append(" (acknowledged by ")
            .append(a.getAcknowledgement().getAcknowledgedBy())
            .append(')');
      }
      String link = a.getAnnotations().get("dashboardUrl");
      if (link != null) {
        sb.append(" <").append(link).append('>');
      }
      sb.append('\n');
    }
  }
}
