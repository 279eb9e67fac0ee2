package io.tickwatch.streams.anomaly;

import io.tickwatch.avro.AnomalyEvent;
import io.tickwatch.avro.RollingStats;
import io.tickwatch.streams.anomaly.rules.DefaultRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Rough cost of the anomaly processor per {@code RollingStats} record (not JMH; run by hand,
 * numbers in docs/ANOMALIES.md): the default rules on a realistic host mix of 1 s records (the
 * agent's ~24 series per host, of which 7 feed a rule), state read from and written to in-memory
 * stores with every record, as in production (RocksDB and the changelog come on top).
 *
 * <pre>
 * mvn -q -B -pl streams-app -am test-compile -o
 * java -cp "$(cat streams-app/target/cp.txt):streams-app/target/classes:streams-app/target/test-classes" \
 *   io.tickwatch.streams.anomaly.AnomalyCost [seconds]
 * </pre>
 *
 * <p>{@code -Dwithout=rule-id,...} leaves default rules out (to see what each costs).
 */
public final class AnomalyCost {
  private static final String[] OTHER_SERIES = {
    "tick.mean.micros",
    "tick.max.micros",
    "tick.rate.per.second",
    "players.active",
    "action.latency.count",
    "action.latency.mean.micros",
    "action.latency.max.micros",
    "cpu.system.percent",
    "cpu.time.nanos",
    "memory.rss.bytes",
    "memory.available.bytes",
    "gc.pause.total.millis",
    "gc.count.total",
    "alloc.rate.bytes.per.second",
    "net.packets.in.per.second",
    "net.packets.out.per.second"
  };

  private AnomalyCost() {}

  public static void main(String[] args) {
    int hosts = 20;
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
    List<RollingStats> records = new ArrayList<>();
    Random random = new Random(1);
    long t0 = 1_700_000_000_000L;
    for (int s = 0; s < seconds; s++) {
      for (int h = 0; h < hosts; h++) {
        String host = "host-" + h;
        long w = t0 + s * 1000L;
        records.add(stat(host, "cpu.process.percent", Map.of(), w, 30 + 3 * random.nextGaussian()));
        records.add(stat(host, "heap.used.bytes", Map.of(), w, 6e8 + 5e6 * random.nextGaussian()));
        records.add(stat(host, "tick.count", Map.of(), w, 60));
        records.add(stat(host, "frame.drops", Map.of(), w, random.nextInt(2)));
        records.add(stat(host, "tick.duration", Map.of(), w, 4000 + 400 * random.nextGaussian()));
        records.add(
            stat(
                host,
                "action.latency",
                Map.of("action", "move"),
                w,
                2000 + 300 * random.nextGaussian()));
        records.add(
            stat(
                host,
                "action.latency",
                Map.of("action", "attack"),
                w,
                2500 + 300 * random.nextGaussian()));
        for (String other : OTHER_SERIES) {
          records.add(stat(host, other, Map.of(), w, random.nextGaussian()));
        }
      }
    }
    for (int round = 0; round < 3; round++) {
      MockProcessorContext<String, AnomalyEvent> context = new MockProcessorContext<>();
      KeyValueStore<String, String> rules =
          Stores.keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore(AnomalyTopology.RULES_STORE),
                  Serdes.String(),
                  Serdes.String())
              .withLoggingDisabled()
              .build();
      KeyValueStore<String, byte[]> state =
          Stores.keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore(AnomalyTopology.STATE_STORE),
                  Serdes.String(),
                  Serdes.ByteArray())
              .withLoggingDisabled()
              .build();
      rules.init(context.getStateStoreContext(), rules);
      state.init(context.getStateStoreContext(), state);
      context.addStateStore(rules);
      context.addStateStore(state);
      String without = System.getProperty("without", "");
      AnomalyProcessor processor =
          new AnomalyProcessor(
              DefaultRules.rules().stream().filter(r -> !without.contains(r.id())).toList(),
              AnomalyTopology.RULES_STORE,
              AnomalyTopology.STATE_STORE);
      processor.init(context);
      long start = System.nanoTime();
      for (RollingStats r : records) {
        processor.process(new Record<>(r.getHostId(), AnomalyInput.of(r), 0L));
      }
      long nanos = System.nanoTime() - start;
      System.err.printf(
          Locale.ROOT,
          "round %d: %d records (%d hosts x %d s x %d series), %.0f ns/record, %.0f records/s"
              + " per thread, events %d%n",
          round,
          records.size(),
          hosts,
          seconds,
          records.size() / (hosts * seconds),
          nanos / (double) records.size(),
          records.size() * 1e9 / nanos,
          context.forwarded().size());
    }
  }

  private static RollingStats stat(
      String host, String metric, Map<String, String> labels, long w, double v) {
    return AnomalyDriver.stat(host, metric, labels, w, 1000, v);
  }
}
