package io.tickwatch.dashboard.state;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame of a flame tree: {@code value} samples passed through it. The root is {@code all}.
 * Built from collapsed stacks ({@code frame;frame;leaf count} per line).
 */
@JsonPropertyOrder({"name", "value", "children"})
public final class FlameNode {

  /** Nodes per tree at most; deeper or wider parts are folded into their parent. */
  public static final int MAX_NODES = 50_000;

  private final String name;
  private long value;
  private final Map<String, FlameNode> children = new LinkedHashMap<>();

  FlameNode(String name) {
    this.name = name;
  }

  /** Parses collapsed stacks; malformed lines are skipped. */
  public static FlameNode parseCollapsed(String text) {
    FlameNode root = new FlameNode("all");
    int[] nodes = {1};
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      int space = trimmed.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      long count;
      try {
        count = Long.parseLong(trimmed.substring(space + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (count <= 0) {
        continue;
      }
      root.value += count;
      FlameNode node = root;
      for (String frame : trimmed.substring(0, space).split(";")) {
        FlameNode child = node.children.get(frame);
        if (child == null) {
          if (nodes[0] >= MAX_NODES) {
            break;
          }
          child = new FlameNode(frame);
          node.children.put(frame, child);
          nodes[0]++;
        }
        child.value += count;
        node = child;
      }
    }
    return root;
  }

  public String getName() {
    return name;
  }

  public long getValue() {
    return value;
  }

  /** Children, largest first. */
  public List<FlameNode> getChildren() {
    List<FlameNode> list = new ArrayList<>(children.values());
    list.sort((a, b) -> Long.compare(b.value, a.value));
    return list;
  }
}
