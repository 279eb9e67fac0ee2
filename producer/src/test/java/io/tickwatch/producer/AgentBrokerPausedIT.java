package io.tickwatch.producer;

import static io.tickwatch.producer.AgentFaultRig.MIN_HOST_CALLS;
import static io.tickwatch.producer.AgentFaultRig.SMALL_BUFFER_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * A real broker that stops answering (the proxy holds every byte, as a {@code SIGSTOP}ped broker
 * does) under a running agent with the real serializer and registry.
 */
class AgentBrokerPausedIT {

  private static AgentFaultRig rig;

  @BeforeAll
  static void startRig() throws Exception {
    rig = AgentFaultRig.start();
  }

  @AfterEach
  void resumeBroker() {
    rig.proxy().pass();
  }

  @AfterAll
  static void stopRig() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldKeepHostCallsReturningWithinTheBoundWhilePausedAndDeliverAgainOnResume(
      TestReporter report) {
    TickwatchAgent agent = rig.agent("paused-host", SMALL_BUFFER_BYTES).build().start();
    AgentFaultRig.Play paused;
    long producedAtResume;
    try {
      Await.until("delivering", () -> agent.status().batchesDelivered() >= 2);

      rig.proxy().pause();
      long droppedAtPause = agent.status().batchesDropped();
      paused =
          AgentFaultRig.playUntil(
              agent,
              MIN_HOST_CALLS,
              "buffer full, drops counted, a send timed out",
              // sendErrors: Kafka's delivery timeout (10 s) expired for a batch in flight
              () ->
                  agent.status().batchesDropped() >= droppedAtPause + 5
                      && agent.status().sendErrors() >= 1);

      producedAtResume = agent.status().batchesProduced();
      long deliveredAtResume = agent.status().batchesDelivered();
      rig.proxy().pass();
      AgentFaultRig.playUntil(
          agent,
          0,
          "delivery resumed",
          () -> agent.status().batchesDelivered() >= deliveredAtResume + 3);
      // a batch built after the fault ended reached the topic
      rig.awaitSequenceOnTopic(agent.runId(), producedAtResume);
    } finally {
      agent.close();
    }

    AgentStatus status = agent.status();
    report.publishEntry("status", status.toString());
    report.publishEntry("fault", paused.toString());
    assertThat(paused.calls()).isGreaterThanOrEqualTo(MIN_HOST_CALLS);
    assertThat(paused.maxBufferUsedBytes()).isLessThanOrEqualTo(SMALL_BUFFER_BYTES);
    assertThat(status.batchesPending()).isZero();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());

    List<Long> sequences = rig.sequencesOf(agent.runId());
    assertThat(AgentFaultRig.duplicates(sequences)).isEmpty();
    // every acknowledged batch is on the topic, so every gap is a counted drop
    assertThat((long) sequences.size()).isGreaterThanOrEqualTo(status.batchesDelivered());
    assertThat(sequences)
        .allSatisfy(s -> assertThat(s).isNotNegative().isLessThan(status.batchesProduced()));
    assertThat(sequences).anySatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(producedAtResume));
  }

  @Test
  void shouldEndEveryAgentThreadWhenClosedWhileTheBrokerIsPaused(TestReporter report) {
    String host = "paused-close-host";
    Set<Thread> before = AgentFaultRig.agentThreads(host);
    TickwatchAgent agent = rig.agent(host, SMALL_BUFFER_BYTES).build().start();
    Set<Thread> agentThreads;
    try {
      Await.until("delivering", () -> agent.status().batchesDelivered() >= 1);
      rig.proxy().pause();
      long deliveredAtPause = agent.status().batchesDelivered();
      // batches queued or in flight, none of them answered
      AgentFaultRig.playUntil(
          agent,
          0,
          "batches pending behind the paused broker",
          () ->
              agent.status().batchesProduced() - deliveredAtPause >= 5
                  && agent.status().batchesPending() >= 2);
      agentThreads = new HashSet<>(AgentFaultRig.agentThreads(host));
      agentThreads.removeAll(before);
    } finally {
      agent.close();
    }

    assertThat(agentThreads)
        .extracting(Thread::getName)
        .contains("tickwatch-sampler", "tickwatch-publisher")
        .anySatisfy(name -> assertThat(name).startsWith("kafka-producer-network-thread"));
    // none may stay blocked on the paused broker (a thread ending just after close() is fine)
    Await.until(
        "agent threads ended after close: " + agentThreads,
        () -> agentThreads.stream().noneMatch(Thread::isAlive));
    AgentStatus status = agent.status();
    report.publishEntry("status", status.toString());
    assertThat(status.batchesPending()).isZero();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());
  }
}
