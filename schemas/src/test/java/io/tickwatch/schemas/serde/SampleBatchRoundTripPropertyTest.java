package io.tickwatch.schemas.serde;

import static io.tickwatch.schemas.avro.AvroRecords.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.avro.AgentHealth;
import io.tickwatch.avro.LatencyDigest;
import io.tickwatch.avro.MetricSeries;
import io.tickwatch.avro.QuantileSketch;
import io.tickwatch.avro.SampleBatch;
import io.tickwatch.schemas.testkit.InMemorySchemaRegistryClient;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random sample batches, with every awkward double (NaN, infinities, -0.0), round-trip exactly. */
class SampleBatchRoundTripPropertyTest {
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroSerializer<SampleBatch> serializer = new AvroSerializer<>(registry);
  private final AvroDeserializer<SampleBatch> deserializer =
      new AvroDeserializer<>(registry, SampleBatch.class);

  @Property(tries = 200)
  void shouldRoundTripAnySampleBatch(@ForAll("batches") SampleBatch batch) {
    byte[] bytes = serializer.serialize("tickwatch.samples", batch);

    assertThat(bytes[0]).isZero();
    assertSameRecord(deserializer.deserialize("tickwatch.samples", bytes), batch);
  }

  @Provide
  Arbitrary<SampleBatch> batches() {
    Arbitrary<Integer> sampleCount = Arbitraries.integers().between(0, 120);
    return sampleCount.flatMap(
        count ->
            Builders.withBuilder(SampleBatch::newBuilder)
                .use(names())
                .in(SampleBatch.Builder::setHostId)
                .use(names())
                .in(SampleBatch.Builder::setCluster)
                .use(labels())
                .in(SampleBatch.Builder::setTags)
                .use(Arbitraries.longs().greaterOrEqual(0))
                .in(SampleBatch.Builder::setSequence)
                .use(Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli))
                .in(SampleBatch.Builder::setStartTimeMillis)
                .use(Arbitraries.integers().between(1, 1_000_000))
                .in(SampleBatch.Builder::setSampleIntervalMicros)
                .use(series(count).list().ofMaxSize(12))
                .in(SampleBatch.Builder::setSeries)
                .use(digests().list().ofMaxSize(6))
                .in(SampleBatch.Builder::setLatencies)
                .use(Arbitraries.maps(names(), Arbitraries.longs()).ofMaxSize(5))
                .in(SampleBatch.Builder::setCounters)
                .use(health().injectNull(0.2))
                .in(SampleBatch.Builder::setHealth)
                .build(builder -> builder.setSampleCount(count).build()));
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange(' ', '\u2fff').ofMaxLength(24);
  }

  private static Arbitrary<Map<String, String>> labels() {
    return Arbitraries.maps(names(), names()).ofMaxSize(4);
  }

  private static Arbitrary<Double> anyDouble() {
    return Arbitraries.oneOf(
        Arbitraries.doubles(),
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MIN_VALUE,
            Double.MAX_VALUE));
  }

  private static Arbitrary<MetricSeries> series(int sampleCount) {
    return Combinators.combine(names(), labels(), anyDouble().list().ofSize(sampleCount))
        .as(
            (name, labels, values) ->
                MetricSeries.newBuilder()
                    .setName(name)
                    .setLabels(labels)
                    .setValues(values)
                    .build());
  }

  private static Arbitrary<QuantileSketch> sketches() {
    return Combinators.combine(
            Arbitraries.doubles().between(1e-4, 0.5).ofScale(6),
            Arbitraries.longs().greaterOrEqual(0),
            Arbitraries.integers(),
            Arbitraries.longs().greaterOrEqual(0).list().ofMaxSize(64))
        .as(
            (accuracy, zeros, offset, counts) ->
                QuantileSketch.newBuilder()
                    .setRelativeAccuracy(accuracy)
                    .setZeroCount(zeros)
                    .setIndexOffset(offset)
                    .setCounts(counts)
                    .build());
  }

  private static Arbitrary<LatencyDigest> digests() {
    return Combinators.combine(
            names(), labels(), Arbitraries.longs().greaterOrEqual(0), anyDouble(), sketches())
        .as(
            (name, labels, count, micros, sketch) ->
                LatencyDigest.newBuilder()
                    .setName(name)
                    .setLabels(labels)
                    .setCount(count)
                    .setSumMicros(micros)
                    .setMinMicros(micros)
                    .setMaxMicros(micros)
                    .setSketch(sketch)
                    .build());
  }

  private static Arbitrary<AgentHealth> health() {
    return Arbitraries.longs()
        .greaterOrEqual(0)
        .list()
        .ofSize(8)
        .map(
            v ->
                AgentHealth.newBuilder()
                    .setSamplesProduced(v.get(0))
                    .setSamplesDelivered(v.get(1))
                    .setSamplesDropped(v.get(2))
                    .setSendErrors(v.get(3))
                    .setBufferUsedBytes(v.get(4))
                    .setBufferCapacityBytes(v.get(5))
                    .setLabelValuesFolded(v.get(6))
                    .setAgentCpuNanos(v.get(7))
                    .build());
  }
}
