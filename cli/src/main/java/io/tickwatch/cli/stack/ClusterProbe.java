package io.tickwatch.cli.stack;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/** Asks an existing Kafka cluster who it is, failing with one line after a bounded wait. */
public final class ClusterProbe {

  /** What the cluster said about itself. */
  public record ClusterInfo(String clusterId, int brokerCount) {}

  private ClusterProbe() {}

  /**
   * @throws StackException "cannot reach Kafka at ... within N s" when the cluster does not answer
   */
  public static ClusterInfo describe(String bootstrapServers, Duration timeout) {
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            timeoutMs,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            timeoutMs,
            AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG,
            1_000L,
            AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
            2_000L,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
            1_000L,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "tickwatch-probe");
    try (Admin admin = Admin.create(config)) {
      DescribeClusterResult result =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
      String clusterId = result.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
      Collection<Node> nodes = result.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
      return new ClusterInfo(clusterId, nodes.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while contacting Kafka at " + bootstrapServers, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new StackException(
          "cannot reach Kafka at "
              + bootstrapServers
              + " within "
              + timeout.toSeconds()
              + " s; is the cluster running and the address right?",
          e);
    }
  }
}
