package io.tickwatch.stats.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.stats.rolling.Moments;
import io.tickwatch.stats.sketch.LogBucketMapping;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Algebraic properties of the tests: symmetry, binning, monotonicity. */
class PropertiesTest {

  @Provide
  Arbitrary<double[]> sample() {
    return Arbitraries.oneOf(
            Arbitraries.doubles().between(0.01, 1000).ofScale(3),
            Arbitraries.integers().between(1, 20).map(i -> i * 0.5))
        .list()
        .ofMinSize(3)
        .ofMaxSize(200)
        .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static Moments moments(double[] values) {
    Moments m = new Moments();
    for (double v : values) {
      m.add(v);
    }
    return m;
  }

  private static LogBucketSketch sketch(double[] values) {
    LogBucketSketch s = LogBucketSketch.withDefaultAccuracy();
    for (double v : values) {
      s.add(v);
    }
    return s;
  }

  @Property(tries = 300)
  void shouldFlipTheWelchSignWhenArmsAreSwapped(
      @ForAll("sample") double[] a, @ForAll("sample") double[] b) {
    Moments ma = moments(a);
    Moments mb = moments(b);
    double va = ma.m2() / (ma.count() - 1);
    double vb = mb.m2() / (mb.count() - 1);
    WelchResult ab = Welch.test(ma.count(), ma.mean(), va, mb.count(), mb.mean(), vb, 0.95);
    WelchResult ba = Welch.test(mb.count(), mb.mean(), vb, ma.count(), ma.mean(), va, 0.95);
    if (Double.isNaN(ab.t())) {
      assertThat(ba.t()).isNaN();
      return;
    }
    assertThat(ba.t()).isCloseTo(-ab.t(), within(1e-9 * (1 + Math.abs(ab.t()))));
    assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-12));
    assertThat(ba.ciLow()).isCloseTo(-ab.ciHigh(), within(1e-9 * (1 + Math.abs(ab.ciHigh()))));
    assertThat(ab.ciLow()).isLessThanOrEqualTo(ab.meanDifference());
    assertThat(ab.ciHigh()).isGreaterThanOrEqualTo(ab.meanDifference());
    double g = EffectSize.hedgesG(ma.count(), ma.mean(), va, mb.count(), mb.mean(), vb);
    double gSwapped = EffectSize.hedgesG(mb.count(), mb.mean(), vb, ma.count(), ma.mean(), va);
    assertThat(gSwapped).isCloseTo(-g, within(1e-9 * (1 + Math.abs(g))));
  }

  @Property(tries = 300)
  void shouldMirrorMannWhitneyWhenArmsAreSwapped(
      @ForAll("sample") double[] a, @ForAll("sample") double[] b) {
    MannWhitneyResult ab = MannWhitney.onSamples(a, b);
    MannWhitneyResult ba = MannWhitney.onSamples(b, a);
    assertThat(ab.u() + ba.u()).isEqualTo((double) a.length * b.length);
    assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-12));
    assertThat(ba.z()).isCloseTo(-ab.z(), within(1e-12));
  }

  @Property(tries = 300)
  void shouldEqualRawMannWhitneyOnBucketRepresentativesAndStayWithinTheBound(
      @ForAll("sample") double[] a, @ForAll("sample") double[] b) {
    MannWhitneyResult binned = MannWhitney.onSketches(sketch(a), sketch(b));
    // the binned test is the exact test of the values replaced by their bucket representatives
    LogBucketMapping mapping = new LogBucketMapping(LogBucketMapping.DEFAULT_RELATIVE_ACCURACY);
    double[] qa = new double[a.length];
    double[] qb = new double[b.length];
    for (int i = 0; i < a.length; i++) {
      qa[i] = mapping.value(mapping.index(a[i]));
    }
    for (int i = 0; i < b.length; i++) {
      qb[i] = mapping.value(mapping.index(b[i]));
    }
    MannWhitneyResult quantized = MannWhitney.onSamples(qa, qb);
    assertThat(binned.onBins()).isTrue();
    assertThat(binned.u()).isEqualTo(quantized.u());
    if (Double.isNaN(quantized.pValue())) {
      assertThat(binned.pValue()).isNaN();
    } else {
      assertThat(binned.pValue()).isCloseTo(quantized.pValue(), within(1e-12));
    }
    // and it is within the documented bound of the test on the raw values
    MannWhitneyResult raw = MannWhitney.onSamples(a, b);
    assertThat(Math.abs(binned.u() - raw.u())).isLessThanOrEqualTo(binned.uErrorBound());
  }

  @Property(tries = 300)
  void shouldNeverRaiseTheAlwaysValidPValue(@ForAll("looks") List<double[]> looks) {
    double previous = 1.0;
    for (double[] look : looks) {
      SequentialResult result = MixtureSprt.look(look[0], look[1], look[2], previous);
      assertThat(result.pValue()).isLessThanOrEqualTo(previous).isGreaterThanOrEqualTo(0);
      previous = result.pValue();
    }
  }

  @Provide
  Arbitrary<List<double[]>> looks() {
    Arbitrary<double[]> look =
        Arbitraries.doubles()
            .between(-5, 5)
            .list()
            .ofSize(3)
            .map(
                l -> new double[] {l.get(0), Math.abs(l.get(1)) + 1e-6, Math.abs(l.get(2)) + 1e-6});
    return look.list().ofMinSize(1).ofMaxSize(50);
  }

  @Property(tries = 300)
  void shouldNeverLowerAPValueByHolmAdjustment(@ForAll("pValues") double[] p) {
    double[] adjusted = Holm.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertThat(adjusted[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
      for (int j = 0; j < p.length; j++) {
        if (p[i] <= p[j]) {
          assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
        }
      }
    }
  }

  @Provide
  Arbitrary<double[]> pValues() {
    return Arbitraries.doubles()
        .between(0, 1)
        .list()
        .ofMinSize(1)
        .ofMaxSize(20)
        .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
