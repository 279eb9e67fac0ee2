package io.tickwatch.alerting;

import io.tickwatch.alerting.action.ActionConfig;
import io.tickwatch.alerting.dispatch.Route;
import io.tickwatch.alerting.lifecycle.LifecycleConfig;
import io.tickwatch.alerting.model.LabelMatcher;
import io.tickwatch.alerting.notify.Secret;
import io.tickwatch.alerting.notify.pagerduty.PagerDutyNotifier;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The validated configuration of the alerting service, built from one key lookup (environment,
 * properties, CLI options) by {@link #from(Function)}; every error is reported at once. Keys and
 * defaults are listed in {@code docs/ALERTING.md}.
 */
public record AlertingConfig(
    String bootstrapServers,
    String schemaRegistryUrl,
    String groupId,
    String autoOffsetReset,
    String httpHost,
    int httpPort,
    String dashboardUrl,
    LifecycleConfig lifecycle,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    boolean inhibitSameHost,
    Duration tick,
    List<ReceiverConfig> receivers,
    List<String> routeReceivers,
    List<String> criticalRouteReceivers,
    List<Route> extraRoutes,
    int historyPerAlert,
    ActionConfig actions,
    KafkaClientProperties kafka) {

  /**
   * Keys starting with this prefix are passed, without it, to every Kafka client of the service
   * (for example {@code alerting.kafka.security.protocol=SASL_SSL}). {@link #from(Function)} finds
   * every property Kafka's producer and consumer know; {@link #fromMap(Map)} passes any key.
   */
  public static final String KAFKA_PREFIX = "alerting.kafka.";

  /** Client settings the service owns; setting them through {@link #KAFKA_PREFIX} is an error. */
  static final Set<String> OWNED_KAFKA_KEYS =
      Set.of(
          "bootstrap.servers",
          "group.id",
          "client.id",
          "auto.offset.reset",
          "enable.auto.commit",
          "isolation.level",
          "acks",
          "enable.idempotence",
          "key.serializer",
          "value.serializer",
          "key.deserializer",
          "value.deserializer");

  private static final Set<String> KNOWN_CLIENT_KEYS = knownClientKeys();

  private static final Set<String> TYPES =
      Set.of("log", "slack", "pagerduty", "webhook", "alertmanager");

  /** Builds the config from a map (missing keys take their defaults). */
  public static AlertingConfig fromMap(Map<String, String> values) {
    Set<String> kafkaKeys = new TreeSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(KAFKA_PREFIX)) {
        kafkaKeys.add(key.substring(KAFKA_PREFIX.length()));
      }
    }
    return from(values::get, kafkaKeys);
  }

  /**
   * Builds and validates the config. The lookup returns null for a missing key.
   *
   * @throws AlertingConfigException listing every invalid or missing value
   */
  public static AlertingConfig from(Function<String, String> lookup) {
    return from(lookup, Set.of());
  }

  private static AlertingConfig from(Function<String, String> lookup, Set<String> extraKafkaKeys) {
    Reader r = new Reader(lookup);
    String bootstrap = r.required("bootstrap.servers");
    String registry = r.required("schema.registry.url");
    String groupId = r.string("alerting.group.id", "tickwatch-alerting");
    String reset = r.string("alerting.auto.offset.reset", "earliest");
    if (!reset.equals("earliest") && !reset.equals("latest")) {
      r.errors.add("alerting.auto.offset.reset must be earliest or latest, was " + reset);
    }
    String httpHost = r.string("alerting.http.host", "127.0.0.1");
    int httpPort = r.integer("alerting.http.port", 8083, 0, 65535);
    String dashboard = r.url("alerting.dashboard.url", "http://127.0.0.1:8080");
    Duration forDuration = r.duration("alerting.for", "0s");
    Duration keepFiring = r.duration("alerting.keep-firing", "30s");
    Duration staleAfter = r.duration("alerting.stale-after", "0s");
    Duration flapWindow = r.duration("alerting.flap.window", "10m");
    int flapThreshold = r.integer("alerting.flap.threshold", 6, 2, 1000);
    Duration retention = r.duration("alerting.resolved-retention", "1h");
    List<String> groupBy = r.list("alerting.group-by", "host,alertname");
    Duration groupWait = r.duration("alerting.group-wait", "1s");
    Duration groupInterval = r.duration("alerting.group-interval", "1m");
    Duration repeatInterval = r.duration("alerting.repeat-interval", "4h");
    boolean inhibit = r.bool("alerting.inhibit.same-host", true);
    Duration tick = r.duration("alerting.tick", "200ms");
    if (tick.isZero()) {
      r.errors.add("alerting.tick must be positive");
    }
    int historyPerAlert = r.integer("alerting.history.per-alert", 200, 1, 100_000);

    List<ReceiverConfig> receivers = new ArrayList<>();
    for (String name : r.list("alerting.receivers", "log")) {
      receivers.add(receiver(r, name));
    }
    List<String> names = receivers.stream().map(ReceiverConfig::name).toList();
    List<String> routeReceivers = r.list("alerting.route.receivers", String.join(",", names));
    List<String> critical =
        r.list("alerting.route.critical.receivers", String.join(",", routeReceivers));
    List<String> used = concat(routeReceivers, critical);
    List<Route> extraRoutes = new ArrayList<>();
    for (String route : r.list("alerting.routes", "")) {
      if (route.equals("critical") || route.equals("receivers") || route.equals("root")) {
        r.errors.add("alerting.routes: '" + route + "' is reserved");
        continue;
      }
      String p = "alerting.route." + route + ".";
      List<LabelMatcher> matchers = new ArrayList<>();
      for (String m : r.string(p + "matchers", "").split(";")) {
        if (m.isBlank()) {
          continue;
        }
        try {
          matchers.add(LabelMatcher.parse(m.trim()));
        } catch (IllegalArgumentException e) {
          r.errors.add(p + "matchers: " + e.getMessage());
        }
      }
      if (matchers.isEmpty()) {
        r.errors.add(p + "matchers is required (for example severity=critical;host=~web-.*)");
      }
      List<String> routeRcv = r.list(p + "receivers", "");
      if (routeRcv.isEmpty()) {
        r.errors.add(p + "receivers is required");
      }
      used = concat(used, routeRcv);
      extraRoutes.add(
          new Route(
              route,
              matchers,
              routeRcv,
              r.list(p + "group-by", String.join(",", groupBy)),
              r.duration(p + "group-wait", groupWait.toMillis() + "ms"),
              r.duration(p + "group-interval", groupInterval.toMillis() + "ms"),
              r.duration(p + "repeat-interval", repeatInterval.toMillis() + "ms"),
              List.of()));
    }
    for (String n : used) {
      if (!names.contains(n)) {
        r.errors.add("route names receiver '" + n + "' which is not in alerting.receivers");
      }
    }

    boolean actionsEnabled = r.bool("alerting.actions.enabled", true);
    boolean dryRun = r.bool("alerting.actions.dry-run", false);
    double threshold = r.fraction("alerting.actions.score-threshold", 0.9, true);
    Duration profileDuration = r.duration("alerting.actions.profile-duration", "30s");
    int samplingMillis = r.integer("alerting.actions.sampling-interval-ms", 10, 1, 10_000);
    double shedFraction = r.fraction("alerting.actions.shed-fraction", 0.3, false);
    Duration cooldown = r.duration("alerting.actions.cooldown", "5m");
    int perHour = r.integer("alerting.actions.max-per-hour", 20, 1, 100_000);
    Duration ttl = r.duration("alerting.actions.command-ttl", "1m");

    Map<String, String> kafka = new TreeMap<>();
    Set<String> kafkaKeys = new TreeSet<>(KNOWN_CLIENT_KEYS);
    kafkaKeys.addAll(extraKafkaKeys);
    for (String name : kafkaKeys) {
      String value = r.raw(KAFKA_PREFIX + name);
      if (value == null || value.isEmpty()) {
        continue;
      }
      if (OWNED_KAFKA_KEYS.contains(name)) {
        r.errors.add(KAFKA_PREFIX + name + " is set by the service and cannot be overridden");
      } else {
        kafka.put(name, value);
      }
    }

    if (!r.errors.isEmpty()) {
      throw new AlertingConfigException(r.errors);
    }
    ActionConfig actions =
        new ActionConfig(
            actionsEnabled,
            dryRun,
            threshold,
            profileDuration,
            samplingMillis,
            shedFraction,
            cooldown,
            perHour,
            ttl);
    LifecycleConfig lifecycle =
        new LifecycleConfig(
            forDuration, keepFiring, staleAfter, flapWindow, flapThreshold, retention);
    return new AlertingConfig(
        bootstrap,
        registry,
        groupId,
        reset,
        httpHost,
        httpPort,
        dashboard,
        lifecycle,
        groupBy,
        groupWait,
        groupInterval,
        repeatInterval,
        inhibit,
        tick,
        receivers,
        routeReceivers,
        critical,
        extraRoutes,
        historyPerAlert,
        actions,
        new KafkaClientProperties(kafka));
  }

  private static Set<String> knownClientKeys() {
    Set<String> keys = new TreeSet<>(ProducerConfig.configNames());
    keys.addAll(ConsumerConfig.configNames());
    return Set.copyOf(keys);
  }

  private static ReceiverConfig receiver(Reader r, String name) {
    String p = "alerting.receiver." + name + ".";
    String type = r.string(p + "type", name.equals("log") ? "log" : "");
    if (!TYPES.contains(type)) {
      r.errors.add(p + "type must be one of " + TYPES + ", was '" + type + "'");
    }
    String url =
        r.string(
            p + "url",
            type.equals("pagerduty") ? PagerDutyNotifier.DEFAULT_EVENTS_URL.toString() : "");
    if (!type.equals("log") && TYPES.contains(type)) {
      if (url.isEmpty()) {
        r.errors.add(p + "url is required for type " + type);
      } else {
        try {
          URI uri = URI.create(url);
          if (uri.getScheme() == null
              || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            r.errors.add(p + "url must be an http(s) URL");
          }
        } catch (IllegalArgumentException e) {
          // never echo the value: it may hold a token
          r.errors.add(p + "url is not a valid URL");
        }
      }
    }
    String key = r.string(p + (type.equals("pagerduty") ? "routing-key" : "hmac-key"), "");
    if (type.equals("pagerduty") && key.isEmpty()) {
      r.errors.add(p + "routing-key is required for type pagerduty");
    }
    return new ReceiverConfig(
        name,
        type,
        Secret.of(url),
        Secret.of(key),
        r.integer(p + "rate-per-minute", 60, 1, 1_000_000),
        r.integer(p + "burst", 10, 1, 1_000_000),
        r.integer(p + "max-attempts", 5, 1, 100),
        r.duration(p + "timeout", "5s"),
        r.integer(p + "queue", 100, 1, 1_000_000));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code
   * PT30S}).
   */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    }
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    long n = Long.parseLong(t.substring(0, i));
    return switch (t.substring(i)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("not a duration: " + text);
    };
  }

  /** Reads keys, collecting errors. */
  private static final class Reader {
    final Function<String, String> lookup;
    final List<String> errors = new ArrayList<>();

    Reader(Function<String, String> lookup) {
      this.lookup = lookup;
    }

    String raw(String key) {
      String v = lookup.apply(key);
      return v == null ? null : v.trim();
    }

    String required(String key) {
      String v = raw(key);
      if (v == null || v.isEmpty()) {
        errors.add(key + " is required");
        return "";
      }
      return v;
    }

    String string(String key, String def) {
      String v = raw(key);
      return v == null || v.isEmpty() ? def : v;
    }

    String url(String key, String def) {
      String v = string(key, def);
      if (!v.startsWith("http://") && !v.startsWith("https://")) {
        errors.add(key + " must be an http(s) URL, was " + v);
      }
      return v;
    }

    int integer(String key, int def, int min, int max) {
      String v = raw(key);
      if (v == null || v.isEmpty()) {
        return def;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
          errors.add(key + " must be in [" + min + ", " + max + "], was " + n);
          return def;
        }
        return n;
      } catch (NumberFormatException e) {
        errors.add(key + " must be an integer, was '" + v + "'");
        return def;
      }
    }

    /** A number in [0, 1] (or (0, 1] when zero is not allowed). */
    double fraction(String key, double def, boolean zeroAllowed) {
      String v = raw(key);
      if (v == null || v.isEmpty()) {
        return def;
      }
      try {
        double d = Double.parseDouble(v);
        if (d > 1 || d < 0 || (!zeroAllowed && d == 0)) {
          errors.add(key + " must be in " + (zeroAllowed ? "[0, 1]" : "(0, 1]") + ", was " + v);
          return def;
        }
        return d;
      } catch (NumberFormatException e) {
        errors.add(key + " must be a number, was '" + v + "'");
        return def;
      }
    }

    boolean bool(String key, boolean def) {
      String v = raw(key);
      if (v == null || v.isEmpty()) {
        return def;
      }
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(v);
      }
      errors.add(key + " must be true or false, was '" + v + "'");
      return def;
    }

    Duration duration(String key, String def) {
      String v = string(key, def);
      try {
        Duration d = parseDuration(v);
        if (d.isNegative()) {
          errors.add(key + " must not be negative, was " + v);
          return parseDuration(def);
        }
        return d;
      } catch (IllegalArgumentException | DateTimeParseException e) {
        errors.add(key + " must be a duration such as 250ms, 30s, 5m, 1h, was '" + v + "'");
        return parseDuration(def);
      }
    }

    List<String> list(String key, String def) {
      String v = string(key, def);
      return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }
}
