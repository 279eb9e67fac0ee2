package io.tickwatch.schemas.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link FlameNode} trees from collapsed stacks. Stateless and thread-safe. */
public final class FlameTree {
  /** Name of the root node. */
  public static final String ROOT_NAME = "all";

  private FlameTree() {}

  /** The tree of parsed folded text ({@code "a;b;c 12"} lines). */
  public static FlameNode parse(String collapsedText) {
    return of(CollapsedStacks.parse(collapsedText));
  }

  /** The tree of the stacks; the root {@code all} holds the total sample count. */
  public static FlameNode of(CollapsedStacks stacks) {
    MutableNode root = new MutableNode(ROOT_NAME);
    for (Map.Entry<String, Long> entry : stacks.countsByStack().entrySet()) {
      long count = entry.getValue();
      MutableNode node = root;
      node.value += count;
      for (String frame : CollapsedStacks.frames(entry.getKey())) {
        node = node.children.computeIfAbsent(frame, MutableNode::new);
        node.value += count;
      }
    }
    return root.freeze();
  }

  private static final class MutableNode {
    private final String name;
    private final TreeMap<String, MutableNode> children = new TreeMap<>();
    private long value;

    private MutableNode(String name) {
      this.name = name;
    }

    private FlameNode freeze() {
      List<FlameNode> frozen = new ArrayList<>(children.size());
      for (MutableNode child : children.values()) {
        frozen.add(child.freeze());
      }
      return new FlameNode(name, value, frozen);
    }
  }
}
