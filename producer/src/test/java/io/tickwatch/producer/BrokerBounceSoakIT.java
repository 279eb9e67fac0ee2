package io.tickwatch.producer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.schemas.testkit.KafkaChildCluster;
import io.tickwatch.schemas.testkit.KafkaChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The long variant of {@link BrokerBounceIT}, only under {@code -Psoak}: at least 10M samples
 * (override with {@code -Dsoak.records=N}) while 6 bounces (two rounds over the three nodes,
 * alternating {@code SIGTERM} and {@code SIGKILL}; {@code -Dsoak.bounces=N}).
 */
class BrokerBounceSoakIT {

  @Test
  void shouldDeliverEveryAcknowledgedSampleExactlyOnceThroughRoundsOfBounces(TestReporter report)
      throws Exception {
    assumeTrue(KafkaChildProcess.supported(), "needs child processes and kill");
    long records = Long.getLong("soak.records", 10_000_000L);
    int bounces = Integer.getInteger("soak.bounces", 6);
    try (KafkaChildCluster cluster = KafkaChildCluster.start(3)) {
      BrokerBounceRun.Result result =
          BrokerBounceRun.run(
              cluster, records, Math.min(Integer.MAX_VALUE - 1, records * 10), bounces);
      report.publishEntry("result", result.toString());
      System.out.println("broker bounce: " + result);
      BrokerBounceAssertions.assertExactlyOnce(result, records, bounces);
    }
  }
}
