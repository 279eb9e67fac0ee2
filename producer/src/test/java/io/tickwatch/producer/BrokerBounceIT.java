package io.tickwatch.producer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.schemas.testkit.KafkaChildCluster;
import io.tickwatch.schemas.testkit.KafkaChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Issue 11 item 2, the CI variant: brokers of a 3-node child-process cluster bounced one at a time
 * ({@code SIGTERM}, then {@code SIGKILL}) while the agent's idempotent {@code acks=all} producer
 * writes numbered samples; every acknowledged sample is on the topic exactly once. The long variant
 * is {@link BrokerBounceSoakIT} ({@code -Psoak}).
 */
class BrokerBounceIT {

  @Test
  void shouldDeliverEveryAcknowledgedSampleExactlyOnceWhileBrokersAreBounced(TestReporter report)
      throws Exception {
    assumeTrue(KafkaChildProcess.supported(), "needs child processes and kill");
    try (KafkaChildCluster cluster = KafkaChildCluster.start(3)) {
      BrokerBounceRun.Result result = BrokerBounceRun.run(cluster, 200_000, 20_000_000, 2);
      report.publishEntry("result", result.toString());
      System.out.println("broker bounce: " + result);
      BrokerBounceAssertions.assertExactlyOnce(result, 200_000, 2);
    }
  }
}
