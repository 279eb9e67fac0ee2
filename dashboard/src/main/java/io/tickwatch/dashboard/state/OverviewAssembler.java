package io.tickwatch.dashboard.state;

import static io.tickwatch.dashboard.state.MetricNames.ACTION_LATENCY;
import static io.tickwatch.dashboard.state.MetricNames.CPU_PROCESS;
import static io.tickwatch.dashboard.state.MetricNames.FRAME_DROPS;
import static io.tickwatch.dashboard.state.MetricNames.MEMORY_AVAILABLE;
import static io.tickwatch.dashboard.state.MetricNames.MEMORY_RSS;
import static io.tickwatch.dashboard.state.MetricNames.MEMORY_USED_PERCENT;
import static io.tickwatch.dashboard.state.MetricNames.PLAYERS;
import static io.tickwatch.dashboard.state.MetricNames.RSS;
import static io.tickwatch.dashboard.state.MetricNames.TICK_DURATION;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Builds the overview cards (per host and fleet) from the newest 1 s points of a store. */
public final class OverviewAssembler {

  private final SeriesStore store;

  public OverviewAssembler(SeriesStore store) {
    this.store = store;
  }

  /** The overview: the fleet card and one card per host, ordered by host id. */
  public Overview overview() {
    List<Card> hosts = new ArrayList<>();
    for (HostEntry host : store.hosts()) {
      hosts.add(card(host));
    }
    return new Overview(fleet(hosts), hosts);
  }

  /**
   * The overview.
   *
   * @param fleet fleet-wide card
   * @param hosts host cards
   */
  public record Overview(Card fleet, List<Card> hosts) {}

  /** The card of one host. */
  public Card card(HostEntry host) {
    String id = host.hostId();
    return new Card(
        id,
        value(id, CPU_PROCESS, LatestPoint::mean),
        memoryPercent(id),
        value(id, PLAYERS, LatestPoint::mean),
        millis(value(id, TICK_DURATION, LatestPoint::p99)),
        millis(worstLatencyP99(id)),
        value(id, FRAME_DROPS, LatestPoint::ratePerSecond),
        host.lastSeenMillis());
  }

  private Card fleet(List<Card> hosts) {
    String fleet = SeriesKey.FLEET;
    Double tick = millis(value(fleet, TICK_DURATION, LatestPoint::p99));
    Double latency = millis(worstLatencyP99(fleet));
    return new Card(
        fleet,
        average(hosts.stream().map(Card::cpuPercent).toList()),
        average(hosts.stream().map(Card::memoryPercent).toList()),
        sum(hosts.stream().map(Card::activePlayers).toList()),
        tick != null ? tick : maximum(hosts.stream().map(Card::tickP99Millis).toList()),
        latency != null ? latency : maximum(hosts.stream().map(Card::latencyP99Millis).toList()),
        sum(hosts.stream().map(Card::frameDropsPerSecond).toList()),
        hosts.stream()
            .map(Card::lastSeenMillis)
            .filter(Objects::nonNull)
            .max(Long::compare)
            .orElse(null));
  }

  private Double memoryPercent(String host) {
    Double used = value(host, MEMORY_USED_PERCENT, LatestPoint::mean);
    if (used != null) {
      return used;
    }
    Double rss = value(host, MEMORY_RSS, LatestPoint::mean);
    if (rss == null) {
      rss = value(host, RSS, LatestPoint::mean);
    }
    Double available = value(host, MEMORY_AVAILABLE, LatestPoint::mean);
    if (rss == null || available == null || rss + available <= 0) {
      return null;
    }
    return 100.0 * rss / (rss + available);
  }

  private Double worstLatencyP99(String host) {
    Double worst = null;
    for (SeriesKey key : store.keys()) {
      if (key.host().equals(host) && key.metric().equals(ACTION_LATENCY)) {
        Optional<LatestPoint> p = store.latest(key);
        if (p.isPresent() && Double.isFinite(p.get().p99())) {
          worst = worst == null ? p.get().p99() : Math.max(worst, p.get().p99());
        }
      }
    }
    return worst;
  }

  private Double value(String host, String metric, ToDoubleFunction<LatestPoint> field) {
    Optional<LatestPoint> point = store.latest(SeriesKey.of(host, metric));
    if (point.isEmpty()) {
      return null;
    }
    double v = field.applyAsDouble(point.get());
    return Double.isFinite(v) ? v : null;
  }

  private static Double millis(Double micros) {
    return micros == null ? null : micros / 1000.0;
  }

  private static Double average(List<Double> values) {
    List<Double> known = values.stream().filter(Objects::nonNull).toList();
    return known.isEmpty()
        ? null
        : known.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static Double sum(List<Double> values) {
    List<Double> known = values.stream().filter(Objects::nonNull).toList();
    return known.isEmpty() ? null : known.stream().mapToDouble(Double::doubleValue).sum();
  }

  private static Double maximum(List<Double> values) {
    return values.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
  }
}
