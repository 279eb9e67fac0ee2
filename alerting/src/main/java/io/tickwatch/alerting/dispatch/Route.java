package io.tickwatch.alerting.dispatch;

import io.tickwatch.alerting.model.LabelMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of the routing tree. An alert goes down the tree to the first child (depth first, in
 * order) whose matchers all match its labels; the deepest such node is its route. The root matches
 * everything. Each route names its receivers (all of them get the group's notifications), how it
 * groups alerts and the group timers. Immutable.
 *
 * @param name unique, shown in group keys
 * @param matchers label matchers (for example {@code severity=~"critical|emergency"})
 * @param receivers receiver names, each configured once in the fan-out
 * @param groupBy labels whose values form the group key; alerts with equal values share
 *     notifications
 * @param groupWait how long a new group waits before its first notification, to collect alerts
 * @param groupInterval how long a group waits between notifications about changes
 * @param repeatInterval how long before an unchanged firing, unacknowledged group is re-notified
 * @param children sub-routes, tried in order
 */
public record Route(
    String name,
    List<LabelMatcher> matchers,
    List<String> receivers,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    List<Route> children) {

  public Route {
    Objects.requireNonNull(name, "name");
    matchers = List.copyOf(matchers);
    receivers = List.copyOf(receivers);
    groupBy = List.copyOf(groupBy);
    children = List.copyOf(children);
    if (groupWait.isNegative() || groupInterval.isNegative() || repeatInterval.isNegative()) {
      throw new IllegalArgumentException("route " + name + ": timers must be non-negative");
    }
  }

  /** A root route: matches everything. */
  public static Route root(
      List<String> receivers,
      List<String> groupBy,
      Duration groupWait,
      Duration groupInterval,
      Duration repeatInterval) {
    return new Route(
        "root", List.of(), receivers, groupBy, groupWait, groupInterval, repeatInterval, List.of());
  }

  /** A child with this route's grouping and timers but its own matchers and receivers. */
  public Route child(String childName, List<LabelMatcher> childMatchers, List<String> rcv) {
    return new Route(
        childName,
        childMatchers,
        rcv,
        groupBy,
        groupWait,
        groupInterval,
        repeatInterval,
        List.of());
  }

  /** This route with these children. */
  public Route withChildren(List<Route> newChildren) {
    return new Route(
        name, matchers, receivers, groupBy, groupWait, groupInterval, repeatInterval, newChildren);
  }

  /** The route for these labels (this one when no child matches). */
  public Route match(Map<String, String> labels) {
    for (Route child : children) {
      if (LabelMatcher.allMatch(child.matchers, labels)) {
        return child.match(labels);
      }
    }
    return this;
  }
}
