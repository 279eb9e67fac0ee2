package io.tickwatch.producer;

import static io.tickwatch.producer.AgentFaultRig.MIN_HOST_CALLS;
import static io.tickwatch.producer.AgentFaultRig.SMALL_BUFFER_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The broker becomes unreachable mid-run (the proxy resets every connection and refuses new ones)
 * and comes back: the agent reconnects on its own and every missing batch is a counted drop.
 */
class AgentBrokerRestartIT {

  private static AgentFaultRig rig;

  @BeforeAll
  static void startRig() throws Exception {
    rig = AgentFaultRig.start();
  }

  @AfterAll
  static void stopRig() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldResumeDeliveryAfterTheBrokerIsUnreachableAndCountEveryGapAsADrop(TestReporter report) {
    TickwatchAgent agent = rig.agent("restart-host", SMALL_BUFFER_BYTES).build().start();
    AgentFaultRig.Play down;
    long producedAtRecovery;
    try {
      Await.until("delivering", () -> agent.status().batchesDelivered() >= 2);

      rig.proxy().cut();
      long droppedAtCut = agent.status().batchesDropped();
      down =
          AgentFaultRig.playUntil(
              agent,
              MIN_HOST_CALLS,
              "buffer full, drops counted, a send timed out",
              // sendErrors: Kafka's delivery timeout (10 s) expired for a batch in flight
              () ->
                  agent.status().batchesDropped() >= droppedAtCut + 5
                      && agent.status().sendErrors() >= 1);

      producedAtRecovery = agent.status().batchesProduced();
      long deliveredAtRecovery = agent.status().batchesDelivered();
      rig.proxy().pass();
      AgentFaultRig.playUntil(
          agent,
          0,
          "delivery resumed",
          () -> agent.status().batchesDelivered() >= deliveredAtRecovery + 3);
      // a batch built after the fault ended reached the topic
      rig.awaitSequenceOnTopic(agent.runId(), producedAtRecovery);
    } finally {
      agent.close();
      rig.proxy().pass();
    }

    AgentStatus status = agent.status();
    report.publishEntry("status", status.toString());
    report.publishEntry("fault", down.toString());
    assertThat(down.calls()).isGreaterThanOrEqualTo(MIN_HOST_CALLS);
    assertThat(down.maxBufferUsedBytes()).isLessThanOrEqualTo(SMALL_BUFFER_BYTES);
    assertThat(status.batchesPending()).isZero();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());

    List<Long> sequences = rig.sequencesOf(agent.runId());
    assertThat(AgentFaultRig.duplicates(sequences)).isEmpty();
    // every acknowledged batch is on the topic, so every gap is a counted drop
    assertThat((long) sequences.size()).isGreaterThanOrEqualTo(status.batchesDelivered());
    assertThat(status.batchesProduced() - sequences.size())
        .isPositive()
        .isLessThanOrEqualTo(status.batchesDropped());
    assertThat(sequences)
        .allSatisfy(s -> assertThat(s).isNotNegative().isLessThan(status.batchesProduced()));
    assertThat(sequences).anySatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(producedAtRecovery));
  }
}
