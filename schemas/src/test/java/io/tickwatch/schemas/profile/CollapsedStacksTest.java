package io.tickwatch.schemas.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

  @Test
  void shouldParseFoldedLinesSummingRepeatsAndSkippingBlanksAndComments() {
    CollapsedStacks stacks = CollapsedStacks.parse("# a comment\na;b;c 12\n\na;b 3\r\na;b;c 1\n");

    assertThat(stacks.countsByStack())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("a;b;c", 13L),
            org.assertj.core.api.Assertions.entry("a;b", 3L));
    assertThat(stacks.totalSamples()).isEqualTo(16);
  }

  @Test
  void shouldRoundTripThroughText() {
    CollapsedStacks stacks =
        CollapsedStacks.builder()
            .add(List.of("Thread.run", "game.Loop.tick"), 5)
            .add(List.of("Thread.run", "game.Loop.tick", "game.Ai.think"), 2)
            .build();

    assertThat(CollapsedStacks.parse(stacks.toText())).isEqualTo(stacks);
  }

  @Test
  void shouldSanitizeSeparatorsInsideFrames() {
    CollapsedStacks stacks = CollapsedStacks.builder().add(List.of("a;x", "b c"), 1).build();

    assertThat(stacks.countsByStack()).containsOnlyKeys("a_x;b_c");
  }

  @Test
  void shouldNameTheLineItCannotRead() {
    assertThatThrownBy(() -> CollapsedStacks.parse("a;b 1\nnocount\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> CollapsedStacks.parse("a;b 1\na;b x\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> CollapsedStacks.parse("a -1")).hasMessageContaining("negative");
  }
}
