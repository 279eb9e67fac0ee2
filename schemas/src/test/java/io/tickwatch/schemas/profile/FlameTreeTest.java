package io.tickwatch.schemas.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FlameTreeTest {

  @Test
  void shouldBuildATreeWhoseValuesSumTheStacksThroughEachNode() {
    FlameNode root = FlameTree.parse("a;b;c 12\na;b 3\na;d 5\ne 1\n");

    assertThat(root.name()).isEqualTo("all");
    assertThat(root.value()).isEqualTo(21);
    assertThat(root.children()).extracting(FlameNode::name).containsExactly("a", "e");
    FlameNode a = root.child("a");
    assertThat(a.value()).isEqualTo(20);
    assertThat(a.child("b").value()).isEqualTo(15);
    assertThat(a.child("b").selfValue()).isEqualTo(3);
    assertThat(a.child("b").child("c").value()).isEqualTo(12);
    assertThat(a.child("d").value()).isEqualTo(5);
    assertThat(root.child("e").children()).isEmpty();
  }

  @Test
  void shouldGiveAnEmptyRootForNoStacks() {
    FlameNode root = FlameTree.of(CollapsedStacks.empty());

    assertThat(root.value()).isZero();
    assertThat(root.children()).isEmpty();
  }

  @Test
  void shouldSerializeToTheD3FlameGraphJsonShape() throws Exception {
    FlameNode root = FlameTree.parse("a;b 2\n");

    JsonNode json =
        new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(root.toJson()));

    assertThat(json.get("name").asText()).isEqualTo("all");
    assertThat(json.get("value").asLong()).isEqualTo(2);
    JsonNode b = json.get("children").get(0).get("children").get(0);
    assertThat(b.get("name").asText()).isEqualTo("b");
    assertThat(b.get("value").asLong()).isEqualTo(2);
    assertThat(b.get("children").isArray()).isTrue();
  }
}
