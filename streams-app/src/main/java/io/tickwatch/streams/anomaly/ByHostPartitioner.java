package io.tickwatch.streams.anomaly;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Routes statistics records to the partition of their host (murmur2 of the host id, as Kafka's
 * default partitioner) and copies rule updates to every partition (KIP-837 multicast).
 */
final class ByHostPartitioner implements StreamPartitioner<String, AnomalyInput> {

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String key, AnomalyInput value, int numPartitions) {
    if (value != null && value.isRule()) {
      Set<Integer> all = new HashSet<>();
      for (int p = 0; p < numPartitions; p++) {
        all.add(p);
      }
      return Optional.of(all);
    }
    return Optional.of(Set.of(hostPartition(key, numPartitions)));
  }

  private static int hostPartition(String hostId, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(hostId.getBytes(StandardCharsets.UTF_8))) % numPartitions;
  }
}
