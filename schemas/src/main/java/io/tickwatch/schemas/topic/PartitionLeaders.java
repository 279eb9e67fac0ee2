package io.tickwatch.schemas.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits until freshly created topics have a leader for every partition.
 *
 * <p>Producing the moment a topic is created can lose records silently on Kafka 4.3: an idempotent
 * producer's first request may fail with {@code NOT_LEADER_OR_FOLLOWER} while a later request to
 * the same partition is already accepted, after which every retry of the first fails with {@code
 * OUT_OF_ORDER_SEQUENCE_NUMBER} until the delivery timeout expires it (KAFKA-15591, fixed in the
 * broker later). Whoever creates topics and then writes to them at once waits here first.
 *
 * <p>A leader in the metadata is not enough: the metadata can name the leader before that broker
 * has brought the partition online, and a produce request in that gap is the one that fails (seen
 * in an IT). So once every partition has a leader, the wait also asks each leader for the
 * partition's end offset ({@code ListOffsets}), which the leader answers only for a partition it
 * serves, the same check a produce request meets.
 */
public final class PartitionLeaders {
  private static final long POLL_MILLIS = 20;

  private PartitionLeaders() {}

  /**
   * Blocks until every partition of {@code topics} has a leader, polling the cluster's metadata.
   *
   * @throws IllegalStateException naming the partitions still without a leader when {@code timeout}
   *     passes
   */
  public static void await(Admin admin, Collection<String> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> leaderless = partitionsWithoutLeader(admin, topics, deadline);
      if (leaderless.isEmpty()) {
        leaderless = partitionsNotServed(admin, topics, deadline);
        if (leaderless.isEmpty()) {
          return;
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "no leader after " + timeout.toMillis() + " ms for partitions " + leaderless);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for partition leaders", e);
      }
    }
  }

  /**
   * Blocks until every partition of every non-internal topic of the cluster has a leader.
   *
   * @throws IllegalStateException as {@link #await(Admin, Collection, Duration)}
   */
  public static void awaitAll(Admin admin, Duration timeout) {
    Collection<String> names;
    try {
      names = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list topics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics", e);
    }
    await(admin, names, timeout);
  }

  /**
   * Partitions whose leader does not answer a {@code ListOffsets} for them yet (an empty list when
   * every leader does).
   */
  private static List<String> partitionsNotServed(
      Admin admin, Collection<String> topics, long deadlineNanos) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    try {
      for (TopicDescription description :
          admin
              .describeTopics(topics)
              .allTopicNames()
              .get(remainingMillis(deadlineNanos), TimeUnit.MILLISECONDS)
              .values()) {
        for (TopicPartitionInfo partition : description.partitions()) {
          request.put(
              new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
        }
      }
      long remaining = remainingMillis(deadlineNanos);
      admin
          .listOffsets(
              request,
              new ListOffsetsOptions().timeoutMs((int) Math.min(remaining, Integer.MAX_VALUE)))
          .all()
          .get(remaining, TimeUnit.MILLISECONDS);
      return List.of();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RetriableException) { // NOT_LEADER_OR_FOLLOWER, timeouts
        return List.of("(leader not serving yet: " + e.getCause() + ") " + topics);
      }
      throw new IllegalStateException("cannot list offsets of " + topics, e.getCause());
    } catch (TimeoutException e) {
      return List.of("(no offsets answer) " + topics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing offsets", e);
    }
  }

  /** Milliseconds left until {@code deadlineNanos}, at least 1. */
  private static long remainingMillis(long deadlineNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  private static List<String> partitionsWithoutLeader(
      Admin admin, Collection<String> topics, long deadlineNanos) {
    List<String> leaderless = new ArrayList<>();
    Map<String, TopicDescription> descriptions;
    try {
      descriptions =
          admin
              .describeTopics(topics)
              .allTopicNames()
              .get(remainingMillis(deadlineNanos), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return List.of("(metadata not yet propagated) " + topics);
      }
      if (e.getCause() instanceof RetriableException) { // LEADER_NOT_AVAILABLE, timeouts
        return List.of("(" + e.getCause() + ") " + topics);
      }
      throw new IllegalStateException("cannot describe topics " + topics, e.getCause());
    } catch (TimeoutException e) {
      return List.of("(no metadata answer) " + topics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    }
    for (TopicDescription description : descriptions.values()) {
      for (TopicPartitionInfo partition : description.partitions()) {
        if (partition.leader() == null || partition.leader().isEmpty()) {
          leaderless.add(description.name() + "-" + partition.partition());
        }
      }
    }
    return leaderless;
  }
}
