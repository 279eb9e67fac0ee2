package io.tickwatch.producer;

import io.tickwatch.avro.ControlCommand;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.producer.control.ControlHandler;
import io.tickwatch.producer.internal.collect.SystemCollector;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** The validated configuration of one agent, produced by {@link AgentBuilder#build()}. */
record AgentConfig(
    String hostId,
    String cluster,
    Map<String, String> tags,
    String runId,
    String clientId,
    InstantSource clock,
    Duration sampleInterval,
    Duration publishInterval,
    Duration tickBudget,
    long bufferBytes,
    double relativeAccuracy,
    int maxLabelValues,
    int maxNames,
    String topic,
    String controlTopic,
    boolean controlEnabled,
    Serializer<SampleBatch> valueSerializer,
    Deserializer<ControlCommand> controlDeserializer,
    Function<Map<String, Object>, Producer<String, byte[]>> producerFactory,
    Map<String, Object> producerConfig,
    Function<Map<String, Object>, Consumer<String, byte[]>> consumerFactory,
    Map<String, Object> consumerConfig,
    Duration producerCloseTimeout,
    Duration closeTimeout,
    Supplier<List<SystemCollector>> collectorFactory,
    boolean samplerThreadEnabled,
    Map<Class<?>, ControlHandler> controlHandlers,
    ProfilerSettings profiler) {

  List<SystemCollector> collectors() {
    return collectorFactory.get();
  }
}
