package io.tickwatch.cli.stack;

import io.tickwatch.schemas.topic.PartitionLeaders;
import io.tickwatch.schemas.topic.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of the typed catalogue ({@code io.tickwatch.schemas.topic.Topics.all()}) with
 * their partitions, retention and compaction. Idempotent: topics that already exist are left as
 * they are and reported as existing.
 */
public final class TopicBootstrapper {

  private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrapper.class);

  private final Admin admin;
  private final short replicationFactor;
  private final Duration timeout;

  /**
   * @param admin an Admin client for the target cluster; not closed by this class
   * @param replicationFactor replication factor of newly created topics (1 on the dev stack)
   * @param timeout bound on each Admin round trip
   */
  public TopicBootstrapper(Admin admin, short replicationFactor, Duration timeout) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
    this.timeout = timeout;
  }

  /** What {@link #ensure} did: topic names created now and topic names that already existed. */
  public record Result(List<String> created, List<String> existing) {
    public Result {
      created = List.copyOf(created);
      existing = List.copyOf(existing);
    }
  }

  /**
   * Creates every topic in {@code specs} that does not exist yet.
   *
   * @throws StackException when the cluster refuses or does not answer within the timeout
   */
  public Result ensure(Collection<? extends TopicSpec<?>> specs) {
    Set<String> present = listTopicNames();
    List<NewTopic> toCreate = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (TopicSpec<?> spec : specs) {
      if (present.contains(spec.name())) {
        existing.add(spec.name());
      } else {
        toCreate.add(spec.toNewTopic(replicationFactor));
      }
    }
    List<String> created = new ArrayList<>();
    if (!toCreate.isEmpty()) {
      CreateTopicsResult result = admin.createTopics(toCreate);
      for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
        if (createOne(entry.getKey(), entry.getValue())) {
          created.add(entry.getKey());
        } else {
          existing.add(entry.getKey());
        }
      }
    }
    if (!created.isEmpty()) {
      awaitLeaders(created);
    }
    created.sort(null);
    existing.sort(null);
    LOG.info("Topics created: {}; already present: {}", created, existing);
    return new Result(created, existing);
  }

  private void awaitLeaders(List<String> created) {
    try {
      PartitionLeaders.await(admin, created, timeout);
    } catch (IllegalStateException e) {
      throw new StackException("topics created but not ready: " + e.getMessage(), e);
    }
  }

  private boolean createOne(String topic, KafkaFuture<Void> future) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false; // created concurrently by someone else: fine
      }
      throw new StackException(
          "cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StackException(
          "creating topic " + topic + " timed out after " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while creating topic " + topic, e);
    }
  }

  private Set<String> listTopicNames() {
    try {
      return admin
          .listTopics(new ListTopicsOptions().listInternal(false))
          .names()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StackException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StackException("listing topics timed out after " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while listing topics", e);
    }
  }
}
