package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.streams.anomaly.rules.DetectorRule;
import io.tickwatch.streams.anomaly.rules.RuleParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies every active rule to the final rolling statistics of the hosts of one partition. A thin
 * adapter: rule updates go to the rules store, statistics records through {@link RuleEvaluator},
 * whose state is read from and written back to the state store (one entry per rule and series, or
 * per rule and host for rules over several series) after every record it changes.
 *
 * <p>Decoded states are kept in a per-task map in front of the store (cleared on every {@code
 * init}, so a revived or migrated task starts from the store); the store is written on every
 * change, so the changelog, and with it a restart, always holds the state of the last committed
 * record.
 */
final class AnomalyProcessor implements Processor<String, AnomalyInput, String, AnomalyEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(AnomalyProcessor.class);

  private final List<DetectorRule> baseRules;
  private final String rulesStoreName;
  private final String stateStoreName;
  private final Map<String, RuleState> decoded = new HashMap<>();
  private ProcessorContext<String, AnomalyEvent> context;
  private KeyValueStore<String, String> rulesStore;
  private KeyValueStore<String, byte[]> stateStore;
  private List<DetectorRule> active;
  private Map<String, DetectorRule> effective = Map.of();
  private long lateRecords;

  AnomalyProcessor(List<DetectorRule> baseRules, String rulesStoreName, String stateStoreName) {
    this.baseRules = baseRules;
    this.rulesStoreName = rulesStoreName;
    this.stateStoreName = stateStoreName;
  }

  @Override
  public void init(ProcessorContext<String, AnomalyEvent> context) {
    this.context = context;
    this.rulesStore = context.getStateStore(rulesStoreName);
    this.stateStore = context.getStateStore(stateStoreName);
    decoded.clear();
    active = null; // loaded from the rules store with the first record, after restoration
  }

  @Override
  public void process(Record<String, AnomalyInput> record) {
    AnomalyInput input = record.value();
    if (input == null) {
      return;
    }
    if (active == null) {
      rebuildRules();
    }
    if (input.isRule()) {
      DetectorRule before = effective.get(input.ruleId());
      if (input.ruleJson() == null) {
        rulesStore.delete(input.ruleId());
      } else {
        rulesStore.put(input.ruleId(), input.ruleJson());
      }
      rebuildRules();
      DetectorRule after = effective.get(input.ruleId());
      if (before != null
          && (after == null || !after.enabled() || !after.json().equals(before.json()))) {
        String why =
            after == null
                ? "the rule was removed"
                : !after.enabled() ? "the rule was disabled" : "the rule was changed";
        retireStates(before, why, record.timestamp());
      }
      return;
    }
    RollingStats stats = input.stats();
    String hostId = stats.getHostId();
    if (hostId == null || !stats.getFinalResult()) {
      return;
    }
    long windowStart = stats.getWindowStartMillis().toEpochMilli();
    for (DetectorRule rule : active) {
      if (!rule.appliesToHost(hostId, stats.getCluster())) {
        continue;
      }
      String role = rule.roleOf(stats);
      if (role == null) {
        continue;
      }
      boolean perHost = rule.inputs().size() > 1;
      String stateKey = rule.id() + "|" + hostId + (perHost ? "" : "/" + seriesName(stats));
      RuleState state = state(stateKey, rule, record.timestamp());
      RuleEvaluator.SeriesRef series =
          perHost
              ? new RuleEvaluator.SeriesRef(
                  hostId, stats.getCluster(), rule.primaryMetric(), rule.labels())
              : new RuleEvaluator.SeriesRef(
                  hostId, stats.getCluster(), stats.getMetric(), new TreeMap<>(stats.getLabels()));
      double value = rule.inputs().get(role).statistic().of(stats);
      RuleEvaluator.Outcome outcome =
          RuleEvaluator.accept(
              rule,
              state,
              series,
              windowStart,
              role,
              value,
              event -> context.forward(new Record<>(hostId, event, record.timestamp())));
      if (outcome == RuleEvaluator.Outcome.LATE) {
        lateRecords++;
        LOG.debug(
            "Ignoring late window {} of {} for rule {} ({} late so far)",
            windowStart,
            stateKey,
            rule.id(),
            lateRecords);
        continue;
      }
      stateStore.put(stateKey, state.toBytes());
    }
  }

  private RuleState state(String key, DetectorRule rule, long timestampMillis) {
    RuleState state = decoded.get(key);
    if (state == null) {
      byte[] bytes = stateStore.get(key);
      state = bytes == null ? null : RuleState.fromBytes(bytes);
      if (bytes != null && state == null) {
        LOG.warn(
            "Unreadable detector state for {} (format or build changed): starting afresh", key);
      }
    }
    if (state == null || !state.ruleJson.equals(rule.json())) {
      if (state != null) {
        LOG.info("Rule {} changed: detector state of {} starts afresh", rule.id(), key);
        RuleEvaluator.retire(
            rule.id(),
            rule.detector().jsonName(),
            state,
            "the rule was changed",
            event -> context.forward(new Record<>(event.getHostId(), event, timestampMillis)));
      }
      state = RuleEvaluator.newState(rule);
    }
    decoded.put(key, state);
    return state;
  }

  /** Resolves the firing states of a rule that no longer applies as it was, and drops them all. */
  private void retireStates(DetectorRule rule, String why, long timestampMillis) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it =
        stateStore.prefixScan(rule.id() + "|", new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        keys.add(kv.key);
        RuleState state =
            decoded.containsKey(kv.key) ? decoded.get(kv.key) : RuleState.fromBytes(kv.value);
        if (state != null) {
          RuleEvaluator.retire(
              rule.id(),
              rule.detector().jsonName(),
              state,
              why,
              event -> context.forward(new Record<>(event.getHostId(), event, timestampMillis)));
        }
      }
    }
    for (String key : keys) {
      stateStore.delete(key);
      decoded.remove(key);
    }
    LOG.info("Rule {}: {}; {} detector state(s) dropped", rule.id(), why, keys.size());
  }

  /** Base rules overridden by id by the rules of the topic, enabled ones only. */
  private void rebuildRules() {
    Map<String, DetectorRule> byId = new LinkedHashMap<>();
    for (DetectorRule r : baseRules) {
      byId.put(r.id(), r);
    }
    List<KeyValue<String, String>> overrides = new ArrayList<>();
    try (KeyValueIterator<String, String> it = rulesStore.all()) {
      it.forEachRemaining(overrides::add);
    }
    for (KeyValue<String, String> kv : overrides) {
      try {
        byId.put(kv.key, RuleParser.parseRule(kv.value, kv.key));
      } catch (IllegalArgumentException e) {
        LOG.error("Stored anomaly rule {} no longer parses, ignored: {}", kv.key, e.getMessage());
      }
    }
    effective = byId;
    List<DetectorRule> enabled = new ArrayList<>();
    for (DetectorRule r : byId.values()) {
      if (r.enabled()) {
        enabled.add(r);
      }
    }
    active = List.copyOf(enabled);
    LOG.info(
        "Anomaly rules in force on task {}: {}",
        context.taskId(),
        active.stream().map(DetectorRule::id).toList());
  }

  /** {@code metric} or {@code metric{k=v,...}} with the labels sorted, as in the stats keys. */
  static String seriesName(RollingStats stats) {
    if (stats.getLabels().isEmpty()) {
      return stats.getMetric();
    }
    StringBuilder b = new StringBuilder(stats.getMetric()).append('{');
    boolean first = true;
    for (Map.Entry<String, String> l : new TreeMap<>(stats.getLabels()).entrySet()) {
      if (!first) {
        b.append(',');
      }
      b.append(l.getKey()).append('=').append(l.getValue());
      first = false;
    }
    return b.append('}').toString();
  }
}
