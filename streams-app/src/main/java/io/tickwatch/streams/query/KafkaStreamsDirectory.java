package io.tickwatch.streams.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** {@link InstanceDirectory} backed by a running {@link KafkaStreams} with string store keys. */
public final class KafkaStreamsDirectory implements InstanceDirectory {

  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;

  /**
   * @param streams the application (a supplier, because the query server is created first)
   * @param self this instance's {@code application.server}
   */
  public KafkaStreamsDirectory(Supplier<KafkaStreams> streams, HostInfo self) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.self = Objects.requireNonNull(self, "self");
  }

  @Override
  public HostInfo self() {
    return self;
  }

  @Override
  public boolean queryable() {
    KafkaStreams app = streams.get();
    return app != null && app.state() == KafkaStreams.State.RUNNING;
  }

  @Override
  public String state() {
    KafkaStreams app = streams.get();
    return app == null ? "CREATED" : app.state().name();
  }

  @Override
  public Optional<HostInfo> activeOwner(String store, String key) {
    KafkaStreams app = streams.get();
    if (app == null) {
      return Optional.empty();
    }
    KeyQueryMetadata metadata = app.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      return Optional.empty();
    }
    return Optional.of(metadata.activeHost());
  }

  @Override
  public List<HostInfo> instancesWithStore(String store) {
    KafkaStreams app = streams.get();
    if (app == null) {
      return List.of();
    }
    return app.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo).toList();
  }
}
