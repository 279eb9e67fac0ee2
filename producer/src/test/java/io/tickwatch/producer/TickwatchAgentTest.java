package io.tickwatch.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.SampleBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TickwatchAgentTest {

  /** Nothing listens on port 1: every connection is refused. */
  private static final String UNREACHABLE = "127.0.0.1:1";

  private static AgentBuilder base() {
    return TickwatchAgent.builder("host-1")
        .bootstrapServers(UNREACHABLE)
        .valueSerializer(new AvroTestSerde())
        .controlEnabled(false)
        .systemCollectors(false)
        .publishInterval(Duration.ofMillis(10))
        .manualSampling();
  }

  private static AgentBuilder withMock(MockProducer<String, byte[]> mock) {
    return base().producerFactory(config -> mock);
  }

  private static MockProducer<String, byte[]> manualMock() {
    return new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
  }

  @Test
  void shouldKeepHostCallsReturningWithinTheBufferBoundWhenTheBrokerIsDownFromTheStart() {
    TickwatchAgent agent = base().bufferBytes(64 * 1024).build().start();
    long calls = 0;
    long maxUsed = 0;

    for (int round = 0; round < 400; round++) {
      for (int i = 0; i < 1_000; i++) {
        agent.tick(5_000_000L + i);
        agent.actionLatency(ActionType.MOVE, 200_000L);
        calls += 2;
      }
      agent.sampleSlots(10);
      maxUsed = Math.max(maxUsed, agent.status().bufferUsedBytes());
    }
    Await.until("batches dropped", () -> agent.status().batchesDropped() > 0);
    agent.close();

    AgentStatus status = agent.status();
    assertThat(calls).isEqualTo(800_000);
    assertThat(maxUsed).isLessThanOrEqualTo(64 * 1024);
    assertThat(status.batchesProduced()).isEqualTo(400);
    assertThat(status.batchesDelivered()).isZero();
    assertThat(status.batchesDropped()).isEqualTo(status.batchesProduced());
    assertThat(status.batchesPending()).isZero();
    assertThat(status.bufferUsedBytes()).isZero();
  }

  @Test
  void shouldPublishOneBatchPerIntervalKeyedByHostAndCountAcknowledgements() {
    MockProducer<String, byte[]> mock = manualMock();
    TickwatchAgent agent = withMock(mock).build().start();
    agent.tick(16_000_000L);
    agent.activePlayers(12);

    agent.sampleSlots(30);
    Await.until("3 sends", () -> mock.history().size() == 3);
    while (mock.completeNext()) {
      // acknowledge everything sent so far
    }
    Await.until("3 delivered", () -> agent.status().batchesDelivered() == 3);
    agent.close();

    List<ProducerRecord<String, byte[]>> sent = mock.history();
    SampleBatch first = AvroTestSerde.decode(sent.get(0).value());
    assertThat(sent).allSatisfy(r -> assertThat(r.key()).isEqualTo("host-1"));
    assertThat(sent).allSatisfy(r -> assertThat(r.topic()).isEqualTo("tickwatch.samples"));
    assertThat(first.getSampleCount()).isEqualTo(10);
    assertThat(first.getAgentRunId()).isEqualTo(agent.runId());
    assertThat(first.getHealth()).isNotNull();
    LatencyDigest tick = first.getLatencies().get(0);
    assertThat(tick.getCount()).isEqualTo(1);
    assertThat(AvroTestSerde.decode(sent.get(2).value()).getSequence()).isEqualTo(2);
    assertThat(agent.status().batchesProduced())
        .isEqualTo(agent.status().batchesDelivered() + agent.status().batchesDropped());
  }

  @Test
  void shouldCountFailedSendsWhileTheBrokerIsGoneAndResumeDeliveryAfterRecovery() {
    MockProducer<String, byte[]> mock = manualMock();
    TickwatchAgent agent = withMock(mock).build().start();

    agent.sampleSlots(10);
    Await.until("first send", () -> mock.history().size() == 1);
    mock.completeNext();
    agent.sampleSlots(20);
    Await.until("sends while down", () -> mock.history().size() == 3);
    mock.errorNext(new NetworkException("broker killed"));
    mock.errorNext(new NetworkException("broker killed"));
    agent.sampleSlots(10);
    Await.until("send after recovery", () -> mock.history().size() == 4);
    mock.completeNext();
    Await.until("delivered again", () -> agent.status().batchesDelivered() == 2);
    agent.close();

    AgentStatus status = agent.status();
    assertThat(status.sendErrors()).isEqualTo(2);
    assertThat(status.batchesDropped()).isEqualTo(2);
    assertThat(status.batchesProduced()).isEqualTo(4);
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());
  }

  @Test
  void shouldStayWithinTheBoundWhileTheBrokerIsPausedAndDeliverAgainWhenItResumes() {
    // a paused broker (SIGSTOP) accepts connections but never answers: sends stay in flight
    MockProducer<String, byte[]> mock = manualMock();
    long bound = 64 * 1024;
    TickwatchAgent agent = withMock(mock).bufferBytes(bound).build().start();
    long maxUsed = 0;
    long calls = 0;

    for (int round = 0; round < 300; round++) {
      for (int i = 0; i < 100; i++) {
        agent.tick(4_000_000L);
        calls++;
      }
      agent.sampleSlots(10);
      maxUsed = Math.max(maxUsed, agent.status().bufferUsedBytes());
    }
    Await.until("drops while paused", () -> agent.status().batchesDropped() > 0);
    long sentWhilePaused = mock.history().size();
    // the broker resumes: it acknowledges what it had, then whatever the agent sends next
    Await.until(
        "backlog acknowledged",
        () -> {
          while (mock.completeNext()) {
            // acknowledge
          }
          return agent.status().batchesPending() == 0;
        });
    agent.sampleSlots(10);
    Await.until(
        "a new batch delivered after resume",
        () -> {
          while (mock.completeNext()) {
            // acknowledge
          }
          return agent.status().batchesDelivered() > sentWhilePaused;
        });
    agent.close();

    AgentStatus status = agent.status();
    assertThat(calls).isEqualTo(30_000);
    assertThat(maxUsed).isLessThanOrEqualTo(bound);
    assertThat(sentWhilePaused).isLessThan(300);
    assertThat(status.batchesDelivered()).isGreaterThan(sentWhilePaused);
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());
  }

  @Test
  void shouldAccountBatchesStillInFlightAtCloseAsDropped() {
    MockProducer<String, byte[]> mock = manualMock();
    TickwatchAgent agent = withMock(mock).build().start();

    agent.sampleSlots(30);
    Await.until("3 sends", () -> mock.history().size() == 3);
    mock.completeNext();
    agent.close();

    AgentStatus status = agent.status();
    assertThat(status.batchesDelivered()).isEqualTo(1);
    assertThat(status.batchesDropped()).isEqualTo(2);
    assertThat(status.batchesPending()).isZero();
  }

  @Test
  void shouldDropAndCountBatchesTheSerializerRejectsWithoutThrowingIntoTheHost() {
    MockProducer<String, byte[]> mock = manualMock();
    TickwatchAgent agent =
        withMock(mock)
            .valueSerializer(
                (topic, batch) -> {
                  throw new IllegalStateException("registry down");
                })
            .build()
            .start();

    agent.sampleSlots(50);
    Await.until("all dropped", () -> agent.status().batchesDropped() == 5);
    agent.tick(1_000);
    agent.close();

    assertThat(mock.history()).isEmpty();
    assertThat(agent.status().batchesProduced()).isEqualTo(5);
  }

  @Test
  void shouldFoldActionNamesBeyondTheLabelBoundIntoOtherAndReportTheFolds() {
    MockProducer<String, byte[]> mock =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    TickwatchAgent agent = withMock(mock).maxLabelValues(2).build().start();

    for (String action : new String[] {"dance", "emote", "fish", "craft", "dance"}) {
      agent.actionLatency(action, 1_000_000L);
    }
    agent.actionLatency(ActionType.ATTACK, 2_000_000L);
    agent.sampleSlots(10);
    Await.until("delivered", () -> agent.status().batchesDelivered() == 1);
    agent.close();

    SampleBatch batch = AvroTestSerde.decode(mock.history().get(0).value());
    assertThat(batch.getLatencies())
        .filteredOn(d -> d.getName().equals("action.latency"))
        .extracting(d -> d.getLabels().get("action"))
        .containsExactlyInAnyOrder("dance", "emote", "other", "attack");
    assertThat(agent.status().labelValuesFolded()).isEqualTo(2);
    assertThat(batch.getHealth().getLabelValuesFolded()).isEqualTo(2);
  }

  @Test
  void shouldCloseWithKafkaDownAndStopEveryAgentThread() {
    TickwatchAgent agent =
        TickwatchAgent.builder("host-2")
            .bootstrapServers(UNREACHABLE)
            .valueSerializer(new AvroTestSerde())
            .controlDeserializer((topic, bytes) -> null)
            .build()
            .start();
    for (int i = 0; i < 10_000; i++) {
      agent.tick(1_000_000L);
    }
    Await.until("a batch produced", () -> agent.status().batchesProduced() >= 2);

    agent.close();

    assertThat(agentThreadsAlive()).isEmpty();
    AgentStatus status = agent.status();
    assertThat(status.batchesProduced())
        .isEqualTo(status.batchesDelivered() + status.batchesDropped());
  }

  @Test
  void shouldIgnoreRecordingAfterCloseAndNullArgumentsWithoutThrowing() {
    TickwatchAgent agent = base().build().start();
    agent.close();

    agent.tick(1);
    agent.actionLatency("x", 1);
    agent.actionLatency((String) null, 1);
    agent.actionLatency((ActionType) null, 1);
    agent.counter("c").increment();
    agent.counter(null).increment();
    agent.timer("t").record(1);
    agent.timer(null).record(-5);
    agent.timer(null, null).record(null, 1);
    agent.gauge(null, null);
    agent.close();

    assertThat(agent.status().batchesPending()).isZero();
  }

  @Test
  void shouldReportEveryConfigurationProblemAtOnce() {
    AtomicReference<String> message = new AtomicReference<>();

    assertThatThrownBy(
            () ->
                TickwatchAgent.builder(" ")
                    .sampleInterval(Duration.ofMillis(3))
                    .publishInterval(Duration.ofMillis(10))
                    .bufferBytes(10)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> message.set(e.getMessage()));

    assertThat(message.get())
        .contains(
            "hostId", "bootstrapServers", "schemaRegistryUrl", "publishInterval", "bufferBytes");
  }

  private static List<String> agentThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("tickwatch-") || n.contains("tickwatch-agent-host-2"))
        .toList();
  }
}
