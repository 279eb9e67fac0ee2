package io.tickwatch.schemas.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotMethodsTest {

  @Test
  void shouldRankBySelfSamplesWithSelfAndTotalPercentages() {
    CollapsedStacks stacks =
        CollapsedStacks.parse("main;tick;physics 60\nmain;tick;ai 30\nmain;tick 10\n");

    List<MethodStat> top = HotMethods.top(stacks, 20);

    assertThat(top).extracting(MethodStat::method).containsExactly("physics", "ai", "tick", "main");
    MethodStat physics = top.get(0);
    assertThat(physics.selfSamples()).isEqualTo(60);
    assertThat(physics.selfPercent()).isCloseTo(60.0, within(1e-9));
    MethodStat tick = top.get(2);
    assertThat(tick.selfPercent()).isCloseTo(10.0, within(1e-9));
    assertThat(tick.totalPercent()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void shouldCountARecursiveMethodOncePerStack() {
    CollapsedStacks stacks = CollapsedStacks.parse("main;fib;fib;fib 4\n");

    MethodStat fib = HotMethods.all(stacks).get(0);

    assertThat(fib.method()).isEqualTo("fib");
    assertThat(fib.totalSamples()).isEqualTo(4);
    assertThat(fib.totalPercent()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void shouldLimitTheTable() {
    CollapsedStacks.Builder builder = CollapsedStacks.builder();
    for (int i = 0; i < 30; i++) {
      builder.add(List.of("main", "m" + i), i + 1);
    }

    List<MethodStat> top = HotMethods.top(builder.build(), HotMethods.DEFAULT_LIMIT);

    assertThat(top).hasSize(20);
    assertThat(top.get(0).method()).isEqualTo("m29");
  }
}
