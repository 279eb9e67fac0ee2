package io.tickwatch.stats.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.stats.rolling.Moments;
import io.tickwatch.stats.sketch.LogBucketSketch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AbAnalyzerTest {

  private static final List<VariantShare> FIFTY_FIFTY =
      List.of(new VariantShare("control", 0.5), new VariantShare("pooled", 0.5));
  private static final ExperimentSpec SPEC =
      ExperimentSpec.of(FIFTY_FIFTY, "control", List.of("tick.duration"));

  private final AbAnalyzer analyzer = new AbAnalyzer();

  /** Normal values (mean, sd) clipped to stay positive, like latencies. */
  static ArmData normalArm(
      String variant, String metric, long seed, int n, double mean, double sd, long units) {
    SplittableRandom random = new SplittableRandom(seed);
    Moments moments = new Moments();
    LogBucketSketch sketch = LogBucketSketch.withDefaultAccuracy();
    for (int i = 0; i < n; i++) {
      double v = Math.max(0.001, mean + sd * random.nextGaussian());
      moments.add(v);
      sketch.add(v);
    }
    return ArmData.of(variant, metric, moments, sketch, n / 100, units);
  }

  @Test
  void shouldJudgeAFasterTreatmentBetterWhenLowerIsBetter() {
    AbAnalysis analysis =
        analyzer.analyze(
            SPEC,
            List.of(
                normalArm("control", "tick.duration", 1, 5000, 10, 2, 500),
                normalArm("pooled", "tick.duration", 2, 5000, 9.5, 2, 500)),
            Map.of());

    assertThat(analysis.verdict()).isEqualTo(Verdict.BETTER);
    MetricComparison c = analysis.comparisons().get(0);
    assertThat(c.verdict()).isEqualTo(Verdict.BETTER);
    assertThat(c.meanDifference()).isCloseTo(-0.5, within(0.1));
    assertThat(c.differenceCiLow()).isLessThan(c.meanDifference());
    assertThat(c.differenceCiHigh()).isLessThan(0);
    assertThat(c.relativeDifference()).isCloseTo(-0.05, within(0.01));
    assertThat(c.effectSize()).isCloseTo(-0.25, within(0.05));
    assertThat(c.sequentialPValue()).isLessThan(0.05);
    assertThat(c.adjustedPValue()).isEqualTo(c.sequentialPValue());
    assertThat(c.mannWhitneyOnBins()).isTrue();
    assertThat(c.mannWhitneyPValue()).isLessThan(0.05);
    assertThat(c.mannWhitneyZ()).isNegative();
    assertThat(c.quantileDifferences())
        .extracting(QuantileDifference::quantile)
        .containsExactly(0.95, 0.99);
    assertThat(analysis.srmPValue()).isCloseTo(1.0, within(1e-12));
    assertThat(analysis.reasons()).anyMatch(r -> r.contains("always-valid mSPRT"));
    assertThat(analysis.reasons())
        .anyMatch(r -> r.startsWith("primary tick.duration: pooled vs control is BETTER"));
  }

  @Test
  void shouldJudgeTheSameDataWorseWhenHigherIsBetter() {
    ExperimentSpec higherIsBetter =
        ExperimentSpec.builder("control", FIFTY_FIFTY)
            .metrics(List.of("tick.duration"))
            .lowerIsBetter(false)
            .build();
    AbAnalysis analysis =
        analyzer.analyze(
            higherIsBetter,
            List.of(
                normalArm("control", "tick.duration", 1, 5000, 10, 2, 500),
                normalArm("pooled", "tick.duration", 2, 5000, 9.5, 2, 500)),
            Map.of());

    assertThat(analysis.verdict()).isEqualTo(Verdict.WORSE);
  }

  @Test
  void shouldStayInconclusiveWithoutAnEffect() {
    AbAnalysis analysis =
        analyzer.analyze(
            SPEC,
            List.of(
                normalArm("control", "tick.duration", 1, 5000, 10, 2, 500),
                normalArm("pooled", "tick.duration", 2, 5000, 10, 2, 500)),
            Map.of());

    assertThat(analysis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(analysis.comparisons().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void shouldMarkASampleRatioMismatchInvalidEvenWithASignificantEffect() {
    AbAnalysis analysis =
        analyzer.analyze(
            SPEC,
            List.of(
                normalArm("control", "tick.duration", 1, 5000, 10, 2, 5200),
                normalArm("pooled", "tick.duration", 2, 5000, 9.5, 2, 4800)),
            Map.of());

    assertThat(analysis.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(analysis.srmChiSquare()).isCloseTo(16.0, within(1e-9));
    assertThat(analysis.srmPValue()).isCloseTo(6.334248366623988e-05, within(1e-12));
    assertThat(analysis.comparisons().get(0).verdict()).isEqualTo(Verdict.INVALID);
    assertThat(analysis.reasons()).anyMatch(r -> r.startsWith("sample ratio MISMATCH: chi2 = 16"));
  }

  @Test
  void shouldNotCheckTheSampleRatioWithoutUnitCounts() {
    AbAnalysis analysis =
        analyzer.analyze(
            SPEC,
            List.of(
                normalArm("control", "tick.duration", 1, 5000, 10, 2, 0),
                normalArm("pooled", "tick.duration", 2, 3000, 9.5, 2, 0)),
            Map.of());

    assertThat(analysis.srmPValue()).isNaN();
    assertThat(analysis.verdict()).isEqualTo(Verdict.BETTER);
    assertThat(analysis.reasons()).contains("sample ratio not checked: no unit counts");
  }

  @Test
  void shouldBeInvalidWithTooLittleData() {
    AbAnalysis analysis =
        analyzer.analyze(
            SPEC,
            List.of(
                normalArm("control", "tick.duration", 1, 10, 10, 2, 10),
                normalArm("pooled", "tick.duration", 2, 10, 5, 2, 10)),
            Map.of());

    assertThat(analysis.verdict()).isEqualTo(Verdict.INVALID);
    MetricComparison c = analysis.comparisons().get(0);
    assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(c.sequentialPValue()).isEqualTo(1.0);
    assertThat(c.welchPValue()).isLessThan(0.05); // reported, not deciding
    assertThat(analysis.reasons()).anyMatch(r -> r.contains("too little data"));
  }

  @Test
  void shouldLeaveOutTheComparisonsOfAVariantWithoutData() {
    AbAnalysis analysis =
        analyzer.analyze(
            SPEC, List.of(normalArm("control", "tick.duration", 1, 500, 10, 2, 50)), Map.of());

    assertThat(analysis.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(analysis.comparisons()).isEmpty();
    assertThat(analysis.variants()).hasSize(1);
    assertThat(analysis.reasons()).anyMatch(r -> r.contains("no data for variant pooled"));
  }

  @Test
  void shouldRejectTwoArmsForTheSameVariantAndMetric() {
    ArmData arm = normalArm("control", "tick.duration", 1, 50, 10, 2, 5);
    assertThatThrownBy(() -> analyzer.analyze(SPEC, List.of(arm, arm), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNeverRaiseTheSequentialPValueAcrossLooks() {
    // cumulative data: a strong early effect that vanishes as more data arrives
    Moments control = new Moments();
    Moments treatment = new Moments();
    LogBucketSketch sc = LogBucketSketch.withDefaultAccuracy();
    LogBucketSketch st = LogBucketSketch.withDefaultAccuracy();
    SplittableRandom random = new SplittableRandom(11);
    Map<ComparisonKey, Double> carried = Map.of();
    List<Double> pValues = new ArrayList<>();
    for (int look = 0; look < 30; look++) {
      double shift = look < 5 ? -1.5 : 0.5;
      for (int i = 0; i < 200; i++) {
        double c = 10 + random.nextGaussian();
        double t = 10 + shift + random.nextGaussian();
        control.add(c);
        sc.add(c);
        treatment.add(t);
        st.add(t);
      }
      AbAnalysis analysis =
          analyzer.analyze(
              SPEC,
              List.of(
                  ArmData.of("control", "tick.duration", control, sc, 0, 0),
                  ArmData.of("pooled", "tick.duration", treatment, st, 0, 0)),
              carried);
      carried = analysis.sequentialPValues();
      pValues.add(analysis.comparisons().get(0).sequentialPValue());
    }
    for (int i = 1; i < pValues.size(); i++) {
      assertThat(pValues.get(i)).isLessThanOrEqualTo(pValues.get(i - 1));
    }
    // the early evidence stays: the always-valid p-value never forgets a crossing
    assertThat(pValues.get(pValues.size() - 1)).isLessThan(1e-6);
  }

  @Test
  void shouldRestartABrokenCarriedPValueAtOne() {
    ComparisonKey key = new ComparisonKey("tick.duration", "pooled");
    Map<ComparisonKey, Double> broken = new HashMap<>();
    broken.put(key, Double.NaN);
    AbAnalysis analysis =
        analyzer.analyze(
            SPEC,
            List.of(
                normalArm("control", "tick.duration", 1, 10, 10, 2, 10),
                normalArm("pooled", "tick.duration", 2, 10, 10, 2, 10)),
            broken);

    assertThat(analysis.sequentialPValues()).containsEntry(key, 1.0);
  }

  @Test
  void shouldHolmAdjustAcrossMetrics() {
    ExperimentSpec twoMetrics =
        ExperimentSpec.of(FIFTY_FIFTY, "control", List.of("tick.duration", "cpu.percent"));
    AbAnalysis analysis =
        analyzer.analyze(
            twoMetrics,
            List.of(
                normalArm("control", "tick.duration", 1, 5000, 10, 2, 500),
                normalArm("pooled", "tick.duration", 2, 5000, 9.8, 2, 500),
                normalArm("control", "cpu.percent", 3, 5000, 50, 5, 500),
                normalArm("pooled", "cpu.percent", 4, 5000, 50, 5, 500)),
            Map.of());

    MetricComparison tick = analysis.comparisons().get(0);
    MetricComparison cpu = analysis.comparisons().get(1);
    assertThat(tick.metric()).isEqualTo("tick.duration");
    double[] expected = Holm.adjust(new double[] {tick.sequentialPValue(), cpu.sequentialPValue()});
    assertThat(tick.adjustedPValue()).isEqualTo(expected[0]);
    assertThat(cpu.adjustedPValue()).isEqualTo(expected[1]);
    // the effect is on tick.duration only, so its p is the smaller one: Holm doubles it
    assertThat(tick.sequentialPValue()).isLessThan(cpu.sequentialPValue());
    assertThat(tick.adjustedPValue()).isEqualTo(Math.min(1, 2 * tick.sequentialPValue()));
  }

  @Test
  void shouldSummarizeEveryVariantAndMetricFromTheSketches() {
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i + 1;
    }
    ArmData control = ArmData.ofSamples("control", "tick.duration", values, 10, 100);
    ArmData pooled = ArmData.ofSamples("pooled", "tick.duration", values, 0, 100);
    AbAnalysis analysis = analyzer.analyze(SPEC, List.of(pooled, control), Map.of());

    assertThat(analysis.variants())
        .extracting(VariantSummary::variant)
        .containsExactly("control", "pooled");
    VariantSummary summary = analysis.variants().get(0);
    assertThat(summary.n()).isEqualTo(1000);
    assertThat(summary.units()).isEqualTo(100);
    assertThat(summary.mean()).isCloseTo(500.5, within(1e-9));
    assertThat(summary.stddev()).isCloseTo(Math.sqrt(1000 * 1001 / 12.0), within(1e-9));
    assertThat(summary.p50()).isCloseTo(500, within(500 * 0.01));
    assertThat(summary.p95()).isCloseTo(950, within(950 * 0.01));
    assertThat(summary.p99()).isCloseTo(990, within(990 * 0.01));
    assertThat(summary.errorCount()).isEqualTo(10);
    assertThat(summary.errorRate()).isCloseTo(10 / 1010.0, within(1e-12));
    // raw samples in both arms: exact Mann-Whitney, identical arms
    MetricComparison c = analysis.comparisons().get(0);
    assertThat(c.mannWhitneyOnBins()).isFalse();
    assertThat(c.mannWhitneyU()).isEqualTo(500_000.0);
    assertThat(c.mannWhitneyPValue()).isEqualTo(1.0);
  }

  @Test
  void shouldListEveryInvalidSettingAtOnce() {
    assertThatThrownBy(
            () ->
                ExperimentSpec.builder(
                        "nope", List.of(new VariantShare("a", 0.7), new VariantShare("b", 0.7)))
                    .alpha(2)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to 1")
        .hasMessageContaining("control variant nope")
        .hasMessageContaining("at least one metric")
        .hasMessageContaining("alpha");
  }
}
