package io.tickwatch.producer;

import static io.tickwatch.producer.AgentFaultRig.MIN_HOST_CALLS;
import static io.tickwatch.producer.AgentFaultRig.SMALL_BUFFER_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tickwatch.schemas.testkit.KafkaChildProcess;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The real thing behind {@link AgentBrokerPausedIT}: a broker in a child process frozen with {@code
 * kill -STOP} and thawed with {@code kill -CONT}. Skipped where there are no signals.
 */
class AgentBrokerSigstopIT {

  private static KafkaChildProcess broker;
  private static AgentFaultRig rig;

  @BeforeAll
  static void startRig() throws Exception {
    assumeTrue(KafkaChildProcess.supported(), "needs kill -STOP/-CONT (Linux or macOS)");
    broker = KafkaChildProcess.start();
    try {
      rig = AgentFaultRig.startWithChildBroker(broker);
    } catch (Exception | Error e) {
      broker.close();
      throw e;
    }
  }

  @AfterAll
  static void stopRig() throws Exception {
    if (rig != null) {
      rig.close();
    } else if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldKeepHostCallsReturningWhileTheBrokerIsStoppedAndDeliverAgainAfterCont(
      TestReporter report) {
    TickwatchAgent agent = rig.agent("sigstop-host", SMALL_BUFFER_BYTES).build().start();
    AgentFaultRig.Play stopped;
    long producedAtCont;
    try {
      Await.until("delivering", () -> agent.status().batchesDelivered() >= 2);

      broker.stop();
      long droppedAtStop = agent.status().batchesDropped();
      try {
        stopped =
            AgentFaultRig.playUntil(
                agent,
                MIN_HOST_CALLS,
                "buffer full, drops counted, a send timed out",
                () ->
                    agent.status().batchesDropped() >= droppedAtStop + 5
                        && agent.status().sendErrors() >= 1);
        producedAtCont = agent.status().batchesProduced();
      } finally {
        broker.resume();
      }
      long deliveredAtCont = agent.status().batchesDelivered();
      AgentFaultRig.playUntil(
          agent,
          0,
          "delivery resumed",
          () -> agent.status().batchesDelivered() >= deliveredAtCont + 3);
      rig.awaitSequenceOnTopic(agent.runId(), producedAtCont);
    } finally {
      agent.close();
    }

    AgentStatus status = agent.status();
    report.publishEntry("status", status.toString());
    report.publishEntry("fault", stopped.toString());
    assertThat(stopped.calls()).isGreaterThanOrEqualTo(MIN_HOST_CALLS);
    assertThat(stopped.maxBufferUsedBytes()).isLessThanOrEqualTo(SMALL_BUFFER_BYTES);
    assertThat(status.batchesPending()).isZero();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());
    List<Long> sequences = rig.sequencesOf(agent.runId());
    assertThat(AgentFaultRig.duplicates(sequences)).isEmpty();
    assertThat((long) sequences.size()).isGreaterThanOrEqualTo(status.batchesDelivered());
    assertThat(sequences)
        .allSatisfy(s -> assertThat(s).isNotNegative().isLessThan(status.batchesProduced()));
  }
}
