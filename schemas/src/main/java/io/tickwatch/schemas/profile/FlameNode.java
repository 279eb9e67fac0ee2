package io.tickwatch.schemas.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a flame tree: a frame, the samples of every stack passing through it at this
 * position, and its callees.
 *
 * @param name frame name (the root is {@code all})
 * @param value samples of all stacks through this node (its own plus its children's)
 * @param children callees, sorted by name; unmodifiable
 */
public record FlameNode(String name, long value, List<FlameNode> children) {

  /** Copies the children into an unmodifiable list. */
  public FlameNode {
    Objects.requireNonNull(name, "name");
    children = List.copyOf(children);
  }

  /** Samples whose stack ends at this node (value minus the children's values). */
  public long selfValue() {
    long childSum = 0;
    for (FlameNode child : children) {
      childSum += child.value;
    }
    return value - childSum;
  }

  /** The direct child with this name, or null. */
  public FlameNode child(String childName) {
    for (FlameNode child : children) {
      if (child.name.equals(childName)) {
        return child;
      }
    }
    return null;
  }

  /**
   * The JSON-friendly form (maps, lists, strings and longs) that Jackson or any JSON writer turns
   * into {@code {"name": ..., "value": ..., "children": [...]}} (the d3-flame-graph shape).
   */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>(4);
    json.put("name", name);
    json.put("value", value);
    List<Object> kids = new ArrayList<>(children.size());
    for (FlameNode child : children) {
      kids.add(child.toJson());
    }
    json.put("children", kids);
    return json;
  }
}
