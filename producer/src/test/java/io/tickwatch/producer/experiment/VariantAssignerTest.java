package io.tickwatch.producer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class VariantAssignerTest {

  private static final int UNITS = 20_000;

  @Provide
  Arbitrary<List<Variant>> variants() {
    return Arbitraries.doubles()
        .between(0.05, 1.0)
        .list()
        .ofMinSize(2)
        .ofMaxSize(5)
        .map(
            weights -> {
              double total = weights.stream().mapToDouble(Double::doubleValue).sum();
              List<Variant> out = new ArrayList<>();
              double used = 0;
              for (int i = 0; i < weights.size(); i++) {
                double share = i == weights.size() - 1 ? 1 - used : weights.get(i) / total;
                used += share;
                out.add(new Variant("v" + i, share));
              }
              return out;
            });
  }

  @Property(tries = 200)
  void shouldAssignAUnitTheSameVariantInEveryAgentAndOnEveryCall(
      @ForAll("variants") List<Variant> variants,
      @ForAll @StringLength(min = 1, max = 20) String salt,
      @ForAll @StringLength(max = 40) String unit) {
    VariantAssigner one = new VariantAssigner(salt, variants);
    VariantAssigner another = new VariantAssigner(new String(salt), List.copyOf(variants));
    int first = one.variantIndex(unit);
    assertThat(first).isBetween(0, variants.size() - 1);
    assertThat(one.variantIndex(new StringBuilder(unit))).isEqualTo(first);
    assertThat(another.variantIndex(unit)).isEqualTo(first);
  }

  @Property(tries = 30)
  void shouldSplitDistinctUnitsByTheTrafficSharesWithinTheBinomialError(
      @ForAll("variants") List<Variant> variants,
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String salt) {
    VariantAssigner assigner = new VariantAssigner(salt, variants);
    int[] counts = new int[variants.size()];
    for (int u = 0; u < UNITS; u++) {
      counts[assigner.variantIndex("player-" + u)]++;
    }
    for (int i = 0; i < variants.size(); i++) {
      double p = variants.get(i).trafficShare();
      double sigma = Math.sqrt(p * (1 - p) / UNITS);
      // 5 sigma per variant: a false failure about once in 3.5 million checks
      assertThat(counts[i] / (double) UNITS)
          .isCloseTo(p, org.assertj.core.data.Offset.offset(5 * sigma + 1e-12));
    }
  }

  @Property(tries = 50)
  void shouldReshuffleUnitsWhenTheSaltChanges(@ForAll @IntRange(min = 0, max = 1000) int salt) {
    List<Variant> half = List.of(new Variant("a", 0.5), new Variant("b", 0.5));
    VariantAssigner one = new VariantAssigner("s" + salt, half);
    VariantAssigner other = new VariantAssigner("t" + salt, half);
    int same = 0;
    for (int u = 0; u < 2000; u++) {
      if (one.variantIndex("u" + u) == other.variantIndex("u" + u)) {
        same++;
      }
    }
    // independent 50/50 assignments agree on about half the units (5 sigma = 112)
    assertThat(same).isBetween(1000 - 112, 1000 + 112);
  }
}
