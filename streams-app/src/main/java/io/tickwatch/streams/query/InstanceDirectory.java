package io.tickwatch.streams.query;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where state lives across the instances of one application: a thin view of Kafka Streams' metadata
 * API ({@code queryMetadataForKey}, {@code streamsMetadataForStore}) so that the query server can
 * be tested without a cluster. Thread-safe.
 */
public interface InstanceDirectory {

  /** This instance's {@code application.server}. */
  HostInfo self();

  /** Whether stores can be queried now (the application is RUNNING, not rebalancing). */
  boolean queryable();

  /** A short description of the current state, for 503 answers and {@code /health}. */
  String state();

  /**
   * The instance hosting the active copy of {@code key} in {@code store}, or empty while that is
   * unknown (rebalancing, store not yet created).
   */
  Optional<HostInfo> activeOwner(String store, String key);

  /** Every instance that hosts a copy of {@code store} (this one included when it does). */
  List<HostInfo> instancesWithStore(String store);
}
