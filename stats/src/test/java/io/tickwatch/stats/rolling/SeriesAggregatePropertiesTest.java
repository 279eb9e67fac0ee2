package io.tickwatch.stats.rolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.stats.sketch.LogBucketMapping;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SeriesAggregatePropertiesTest {
  private static final LogBucketMapping MAPPING = new LogBucketMapping(0.01);

  @Provide
  Arbitrary<List<Double>> samples() {
    return Arbitraries.oneOf(
            Arbitraries.doubles().between(-3, 7).map(e -> Math.pow(10, e)),
            Arbitraries.just(0.0),
            Arbitraries.just(Double.NaN),
            Arbitraries.doubles().between(0, 100))
        .list()
        .ofMaxSize(400)
        .injectDuplicates(0.4);
  }

  private static SeriesAggregate sampled(List<Double> values) {
    SeriesAggregate aggregate = SeriesAggregate.empty(SeriesKind.SAMPLED, MAPPING);
    aggregate.addSamples(values, 0, values.size());
    return aggregate;
  }

  static void assertSameAggregate(SeriesAggregate actual, SeriesAggregate expected) {
    Moments a = actual.moments();
    Moments e = expected.moments();
    double scale = Math.max(1, Math.max(Math.abs(e.min()), Math.abs(e.max())));
    if (e.count() == 0) {
      scale = 1;
    }
    assertThat(a.count()).isEqualTo(e.count());
    assertThat(actual.buckets().zeroCount()).isEqualTo(expected.buckets().zeroCount());
    assertThat(actual.buckets().trimmedOffset()).isEqualTo(expected.buckets().trimmedOffset());
    assertThat(actual.buckets().trimmedCounts())
        .containsExactly(expected.buckets().trimmedCounts());
    if (e.count() > 0) {
      assertThat(a.min()).isEqualTo(e.min());
      assertThat(a.max()).isEqualTo(e.max());
      assertThat(a.mean()).isCloseTo(e.mean(), within(1e-9 * scale));
      assertThat(a.stddev()).isCloseTo(e.stddev(), within(1e-6 * scale));
      assertThat(a.sum()).isCloseTo(e.sum(), within(1e-9 * scale * e.count()));
    }
  }

  @Property(tries = 300)
  void shouldMergeIntoTheAggregateOfTheUnion(
      @ForAll("samples") List<Double> a, @ForAll("samples") List<Double> b) {
    List<Double> union = new ArrayList<>(a);
    union.addAll(b);

    SeriesAggregate merged = sampled(a);
    merged.merge(sampled(b));

    assertSameAggregate(merged, sampled(union));
  }

  @Property(tries = 200)
  void shouldMatchTheSketchOfTheSameValues(@ForAll("samples") List<Double> values) {
    LogBucketSketch sketch = new LogBucketSketch(MAPPING);
    values.forEach(sketch::add);

    SeriesAggregate aggregate = sampled(values);
    LogBucketSketch rebuilt = aggregate.sketch();

    assertThat(rebuilt.count()).isEqualTo(sketch.count());
    assertThat(rebuilt.zeroCount()).isEqualTo(sketch.zeroCount());
    assertThat(rebuilt.indexOffset()).isEqualTo(sketch.indexOffset());
    assertThat(rebuilt.bucketCounts()).containsExactly(sketch.bucketCounts());
    for (double q : new double[] {0.5, 0.95, 0.99, 0.999}) {
      if (sketch.count() > 0) {
        assertThat(rebuilt.quantile(q)).isEqualTo(sketch.quantile(q));
      }
    }
  }

  @Property(tries = 200)
  void shouldSkipNanAndRejectInfinities(@ForAll("samples") List<Double> values) {
    List<Double> withBad = new ArrayList<>(values);
    withBad.add(Double.POSITIVE_INFINITY);
    withBad.add(Double.NaN);
    withBad.add(Double.NEGATIVE_INFINITY);
    SeriesAggregate aggregate = SeriesAggregate.empty(SeriesKind.SAMPLED, MAPPING);

    int rejected = aggregate.addSamples(withBad, 0, withBad.size());

    assertThat(rejected).isEqualTo(2);
    assertSameAggregate(aggregate, sampled(values));
  }

  @Property(tries = 200)
  void shouldAddADigestLikeItsValuesExceptTheEstimatedVariance(
      @ForAll("samples") List<Double> raw) {
    List<Double> values = raw.stream().filter(v -> !Double.isNaN(v)).toList();
    LogBucketSketch digest = new LogBucketSketch(MAPPING);
    values.forEach(digest::add);
    SeriesAggregate aggregate = SeriesAggregate.empty(SeriesKind.LATENCY, MAPPING);

    boolean valid =
        aggregate.addDigest(
            digest.count(),
            digest.sum(),
            digest.min(),
            digest.max(),
            MAPPING,
            digest.zeroCount(),
            digest.indexOffset(),
            digest.bucketCounts());

    assertThat(valid).isTrue();
    SeriesAggregate exact = sampled(values);
    assertThat(aggregate.moments().count()).isEqualTo(exact.moments().count());
    assertThat(aggregate.buckets().trimmedCounts())
        .containsExactly(exact.buckets().trimmedCounts());
    if (!values.isEmpty()) {
      assertThat(aggregate.moments().min()).isEqualTo(exact.moments().min());
      assertThat(aggregate.moments().max()).isEqualTo(exact.moments().max());
      // stddev from bucket representatives: within alpha of every value's deviation scale
      double tolerance = 0.011 * exact.moments().max() + 1e-9;
      assertThat(aggregate.moments().stddev())
          .isCloseTo(exact.moments().stddev(), within(tolerance));
    }
  }

  @Property(tries = 100)
  void shouldRejectInvalidDigests(@ForAll("samples") List<Double> ignored) {
    SeriesAggregate aggregate = SeriesAggregate.empty(SeriesKind.LATENCY, MAPPING);
    long[] one = {1};

    assertThat(aggregate.addDigest(1, -5, -5, -5, MAPPING, 1, 0, new long[0])).isFalse();
    assertThat(aggregate.addDigest(1, Double.POSITIVE_INFINITY, 1, 1, MAPPING, 0, 0, one))
        .isFalse();
    assertThat(aggregate.addDigest(2, 2, 1, 1, MAPPING, 0, 0, one)).isFalse();
    assertThat(aggregate.addDigest(-1, 0, 0, 0, MAPPING, 0, 0, new long[0])).isFalse();
    assertThat(aggregate.moments().count()).isZero();
  }

  @Property(tries = 200)
  void shouldRoundTripHostAndFleetAggregatesThroughTheCodec(
      @ForAll("samples") List<Double> a, @ForAll("samples") List<Double> b) {
    AggregateCodec codec = new AggregateCodec(MAPPING);
    HostAggregate host = new HostAggregate(MAPPING);
    host.cluster("eu-1");
    host.series(SeriesId.of("cpu.process.percent", Map.of()), SeriesKind.SAMPLED)
        .addSamples(a, 0, a.size());
    host.series(SeriesId.of("action.latency", Map.of("action", "move")), SeriesKind.LATENCY)
        .addSamples(b, 0, b.size());

    HostAggregate decoded = codec.decodeHost(codec.encode(host));

    assertThat(decoded.cluster()).isEqualTo("eu-1");
    assertThat(decoded.series().keySet()).containsExactlyElementsOf(host.series().keySet());
    for (SeriesId id : host.series().keySet()) {
      assertThat(decoded.series().get(id).kind()).isEqualTo(host.series().get(id).kind());
      assertSameAggregate(decoded.series().get(id), host.series().get(id));
    }

    FleetAggregate fleet =
        new FleetAggregate(
            SeriesId.of("tick.duration", Map.of()),
            "eu-1",
            new TreeSet<>(List.of("h1", "h2")),
            sampled(a));
    FleetAggregate fleetDecoded = codec.decodeFleet(codec.encode(fleet));
    assertThat(fleetDecoded.seriesId()).isEqualTo(fleet.seriesId());
    assertThat(fleetDecoded.hostIds()).containsExactly("h1", "h2");
    assertSameAggregate(fleetDecoded.aggregate(), fleet.aggregate());
  }

  @Property(tries = 200)
  void shouldMergeHostAggregatesSeriesBySeriesWithoutSharingState(
      @ForAll("samples") List<Double> a, @ForAll("samples") List<Double> b) {
    SeriesId id = SeriesId.of("heap.used.bytes", Map.of());
    HostAggregate left = new HostAggregate(MAPPING);
    left.series(id, SeriesKind.SAMPLED).addSamples(a, 0, a.size());
    HostAggregate right = new HostAggregate(MAPPING);
    right.series(id, SeriesKind.SAMPLED).addSamples(b, 0, b.size());
    HostAggregate empty = new HostAggregate(MAPPING);

    empty.merge(right);
    empty.series(id, SeriesKind.SAMPLED).addSample(1.0, 3);
    left.merge(right);

    List<Double> union = new ArrayList<>(a);
    union.addAll(b);
    assertSameAggregate(left.series().get(id), sampled(union));
    assertSameAggregate(right.series().get(id), sampled(b));
  }
}
