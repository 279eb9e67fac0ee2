package io.tickwatch.schemas.testkit;

import io.tickwatch.schemas.topic.TopicSpec;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A Kafka cluster a test started and owns ({@link KafkaTestCluster}, {@link KafkaChildProcess},
 * {@link KafkaChildCluster}): where clients connect, an admin client, and topics created ready to
 * be written.
 *
 * <p>Create topics through {@link #createTopics(Collection)} (or its variants), not through {@code
 * Admin.createTopics}: Kafka's creation future completes before every partition has a leader, and
 * on Kafka 4.3 an idempotent producer that writes at that moment can lose its first records
 * silently (KAFKA-15591: the first produce request fails with {@code NOT_LEADER_OR_FOLLOWER} while
 * a later one to the same partition is accepted, then every retry of the first fails with {@code
 * OUT_OF_ORDER_SEQUENCE_NUMBER} until the delivery timeout expires it). These methods return only
 * once every partition of the new topics has a leader, so a test may write at once.
 */
public interface KafkaUnderTest extends AutoCloseable {

  /** The client listener(s), {@code host:port[,host:port...]}. */
  String bootstrapServers();

  /** A new admin client for this cluster; the caller closes it. */
  Admin createAdmin();

  /**
   * Creates {@code topics} with an admin client of its own and returns once the creation succeeded
   * and every partition of every one of them has a leader (see the class comment for why). Bounded:
   * 60 s for creation and leaders together.
   *
   * @throws IllegalStateException naming the topics when a creation fails (for example the topic
   *     exists, or the replication factor exceeds the brokers) or a partition has no leader in time
   */
  default void createTopics(Collection<NewTopic> topics) {
    try (Admin admin = createAdmin()) {
      ReadyTopics.create(admin, topics);
    }
  }

  /** {@link #createTopics(Collection)} of these topics. */
  default void createTopics(NewTopic... topics) {
    createTopics(Arrays.asList(topics));
  }

  /**
   * {@link #createTopics(Collection) Creates} one topic with {@code partitions} partitions and the
   * brokers' default replication factor and configuration.
   */
  default void createTopic(String name, int partitions) {
    createTopics(new NewTopic(name, Optional.of(partitions), Optional.empty()));
  }

  /**
   * {@link #createTopics(Collection) Creates} topics of the catalogue ({@code Topics.all()} or some
   * of it) with their partitions and configuration, replication factor {@code min(3, brokers)} as
   * the stack's own topic bootstrap uses.
   */
  default void createCatalogueTopics(Collection<? extends TopicSpec<?>> specs) {
    try (Admin admin = createAdmin()) {
      short replicationFactor = ReadyTopics.replicationFactor(admin);
      ReadyTopics.create(admin, specs.stream().map(s -> s.toNewTopic(replicationFactor)).toList());
    }
  }

  /** Stops the cluster and deletes its storage. */
  @Override
  void close();
}
