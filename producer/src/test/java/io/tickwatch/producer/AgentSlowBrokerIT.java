package io.tickwatch.producer;

import static io.tickwatch.producer.AgentFaultRig.MIN_HOST_CALLS;
import static io.tickwatch.producer.AgentFaultRig.SMALL_BUFFER_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Every byte to and from the broker is delayed by 200 ms (a slow or distant broker). */
class AgentSlowBrokerIT {

  private static final long LATENCY_MILLIS = 200;

  /** {@link AgentBuilder#bufferBytes} when not set. */
  private static final long DEFAULT_BUFFER_BYTES = 4L << 20;

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
  void shouldKeepDeliveringWithinTheBoundAndAccountEveryBatchWhenTheBrokerIsSlow(
      TestReporter report) {
    TickwatchAgent agent = rig.agent("slow-host", SMALL_BUFFER_BYTES).build().start();
    AgentFaultRig.Play slow;
    try {
      Await.until("delivering", () -> agent.status().batchesDelivered() >= 1);
      rig.proxy().latency(LATENCY_MILLIS);
      long producedAtSlow = agent.status().batchesProduced();
      long deliveredAtSlow = agent.status().batchesDelivered();
      // 30 batches (3 s of publishing) while every round trip takes 400 ms or more
      slow =
          AgentFaultRig.playUntil(
              agent,
              MIN_HOST_CALLS,
              "30 batches produced and 10 delivered through the slow link",
              () ->
                  agent.status().batchesProduced() >= producedAtSlow + 30
                      && agent.status().batchesDelivered() >= deliveredAtSlow + 10);
    } finally {
      // closed while still slow: whatever Kafka does not acknowledge in time is counted dropped
      agent.close();
      rig.proxy().pass();
    }

    AgentStatus status = agent.status();
    report.publishEntry("status", status.toString());
    report.publishEntry("fault", slow.toString());
    assertThat(slow.calls()).isGreaterThanOrEqualTo(MIN_HOST_CALLS);
    assertThat(slow.maxBufferUsedBytes()).isLessThanOrEqualTo(SMALL_BUFFER_BYTES);
    assertThat(status.batchesPending()).isZero();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());

    List<Long> sequences = rig.sequencesOf(agent.runId());
    assertThat(AgentFaultRig.duplicates(sequences)).isEmpty();
    assertThat((long) sequences.size()).isGreaterThanOrEqualTo(status.batchesDelivered());
  }

  @Test
  void shouldDropNothingWhileSlowWithTheDefaultBuffer(TestReporter report) {
    // default bound (4 MiB): holds far more than the bytes in flight during a 400 ms round trip
    TickwatchAgent agent = rig.agent("slow-default-host", DEFAULT_BUFFER_BYTES).build().start();
    long droppedWhileSlow;
    AgentFaultRig.Play slow;
    try {
      Await.until("delivering", () -> agent.status().batchesDelivered() >= 1);
      rig.proxy().latency(LATENCY_MILLIS);
      long producedAtSlow = agent.status().batchesProduced();
      long deliveredAtSlow = agent.status().batchesDelivered();
      slow =
          AgentFaultRig.playUntil(
              agent,
              MIN_HOST_CALLS,
              "30 batches produced and 20 delivered through the slow link",
              () ->
                  agent.status().batchesProduced() >= producedAtSlow + 30
                      && agent.status().batchesDelivered() >= deliveredAtSlow + 20);
      droppedWhileSlow = agent.status().batchesDropped();
    } finally {
      agent.close();
      rig.proxy().pass();
    }

    AgentStatus status = agent.status();
    report.publishEntry("status", status.toString());
    assertThat(droppedWhileSlow).isZero();
    assertThat(slow.maxBufferUsedBytes()).isLessThanOrEqualTo(DEFAULT_BUFFER_BYTES);
    assertThat(status.batchesPending()).isZero();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());
  }
}
