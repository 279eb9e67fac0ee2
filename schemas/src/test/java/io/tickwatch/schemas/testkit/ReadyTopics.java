package io.tickwatch.schemas.testkit;

import io.tickwatch.schemas.topic.PartitionLeaders;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;

/** Topic creation for {@link KafkaUnderTest}: create, then await every partition's leader. */
final class ReadyTopics {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private ReadyTopics() {}

  /** Creates {@code topics} and waits for their leaders, 60 s in all. */
  static void create(Admin admin, Collection<NewTopic> topics) {
    List<String> names = topics.stream().map(NewTopic::name).toList();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    get(admin.createTopics(topics).all(), deadline, "cannot create topics " + names);
    try {
      PartitionLeaders.await(admin, names, Duration.ofNanos(remainingNanos(deadline)));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "topics "
              + names
              + " created but not every partition has a leader within "
              + TIMEOUT.toSeconds()
              + " s: "
              + e.getMessage(),
          e);
    }
  }

  /** {@code min(3, brokers)}, as the stack's topic bootstrap chooses it. */
  static short replicationFactor(Admin admin) {
    int brokers =
        get(
                admin.describeCluster().nodes(),
                System.nanoTime() + TIMEOUT.toNanos(),
                "cannot describe the cluster")
            .size();
    return (short) Math.max(1, Math.min(3, brokers));
  }

  private static <T> T get(KafkaFuture<T> future, long deadline, String failure) {
    try {
      return future.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(failure + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          failure + ": no answer within " + TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(failure + ": interrupted", e);
    }
  }

  private static long remainingNanos(long deadline) {
    return Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime());
  }
}
