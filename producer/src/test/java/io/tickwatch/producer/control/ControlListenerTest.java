package io.tickwatch.producer.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.ShedLoad;
import io.tickwatch.producer.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class ControlListenerTest {

  private static final String TOPIC = "tickwatch.control";

  private final List<ControlCommand> executed = new CopyOnWriteArrayList<>();
  private final Deserializer<ControlCommand> decoder =
      (topic, bytes) -> {
        try {
          return ControlCommand.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };

  @Test
  void shouldDispatchCommandsFromTheEndOfEveryPartitionAndSkipMalformedRecords() throws Exception {
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("latest");
    TopicPartition p0 = new TopicPartition(TOPIC, 0);
    Node node = new Node(0, "localhost", 1);
    consumer.updatePartitions(
        TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
    consumer.updateEndOffsets(Map.of(p0, 5L));
    ControlDispatcher dispatcher =
        new ControlDispatcher("host-1", InstantSource.fixed(Instant.ofEpochMilli(1_000_000)));
    dispatcher.register(ShedLoad.class, executed::add);
    ControlListener listener =
        new ControlListener(TOPIC, config -> consumer, Map.of(), decoder, dispatcher, () -> {});
    ControlCommand good = ControlDispatcherTest.command("c1", "host-1", new ShedLoad(0.3));
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 5, "host-1", new byte[] {1, 2, 3}));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 6, "host-1", encode(good)));
        });
    Thread thread = new Thread(listener, "control-test");
    thread.start();

    Await.until("command executed", () -> executed.size() == 1);
    listener.requestClose();
    thread.join();

    assertThat(listener.malformed()).isEqualTo(1);
    assertThat(listener.dispatched()).isEqualTo(1);
    assertThat(executed.get(0).getCommandId()).isEqualTo("c1");
    assertThat(consumer.closed()).isTrue();
  }

  private static byte[] encode(ControlCommand command) {
    try {
      ByteBuffer buffer = command.toByteBuffer();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
