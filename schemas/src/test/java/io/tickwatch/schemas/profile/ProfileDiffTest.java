package io.tickwatch.schemas.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProfileDiffTest {

  @Test
  void shouldPutTheMethodWhoseShareGrewMostFirst() {
    CollapsedStacks baseline = CollapsedStacks.parse("main;physics 50\nmain;ai 50\n");
    CollapsedStacks current = CollapsedStacks.parse("main;physics 20\nmain;ai 160\nmain;gc 20\n");

    ProfileDiff diff = ProfileDiff.between(current, baseline);

    ProfileDiff.MethodDelta first = diff.methods().get(0);
    assertThat(first.method()).isEqualTo("ai");
    assertThat(first.baselineSelfPercent()).isCloseTo(50.0, within(1e-9));
    assertThat(first.currentSelfPercent()).isCloseTo(80.0, within(1e-9));
    assertThat(first.selfDeltaPercent()).isCloseTo(30.0, within(1e-9));
    assertThat(diff.regressions(5))
        .extracting(ProfileDiff.MethodDelta::method)
        .containsExactly("ai", "gc");
    assertThat(diff.methods().get(diff.methods().size() - 1).method()).isEqualTo("physics");
    assertThat(diff.baselineSamples()).isEqualTo(100);
    assertThat(diff.currentSamples()).isEqualTo(200);
  }

  @Test
  void shouldWriteTheTwoColumnFoldedFormat() {
    String folded =
        ProfileDiff.diffFolded(
            CollapsedStacks.parse("a;b 3\na;c 1\n"), CollapsedStacks.parse("a;b 2\n"));

    assertThat(folded).isEqualTo("a;b 2 3\na;c 0 1\n");
  }
}
