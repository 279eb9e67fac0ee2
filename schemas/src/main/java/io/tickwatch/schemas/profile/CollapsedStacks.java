package io.tickwatch.schemas.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sample counts per distinct stack in Brendan Gregg's folded format: one line {@code
 * root;caller;...;leaf count} per stack, root frame first, frames separated by {@code ;}, the count
 * after the last space.
 *
 * <p>Immutable. Stacks keep their first-seen order; {@link #parse} sums repeated stacks, skips
 * blank lines and {@code #} comment lines and rejects anything else it cannot read with the line
 * number.
 */
public final class CollapsedStacks {
  /** Separator between frames of one stack. */
  public static final char FRAME_SEPARATOR = ';';

  private static final CollapsedStacks EMPTY = new CollapsedStacks(Map.of());

  private final Map<String, Long> countsByStack;
  private final long totalSamples;

  private CollapsedStacks(Map<String, Long> countsByStack) {
    this.countsByStack = Collections.unmodifiableMap(countsByStack);
    long total = 0;
    for (long count : countsByStack.values()) {
      total += count;
    }
    this.totalSamples = total;
  }

  /** No stacks. */
  public static CollapsedStacks empty() {
    return EMPTY;
  }

  /**
   * Parses folded text.
   *
   * @throws IllegalArgumentException naming the first unreadable line
   */
  public static CollapsedStacks parse(String text) {
    Objects.requireNonNull(text, "text");
    Builder builder = builder();
    int lineNumber = 0;
    for (String rawLine : text.split("\n", -1)) {
      lineNumber++;
      String line = rawLine.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        throw new IllegalArgumentException(
            "line " + lineNumber + ": expected 'frame;frame;... count', got '" + line + "'");
      }
      String stack = line.substring(0, space).strip();
      long count;
      try {
        count = Long.parseLong(line.substring(space + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "line " + lineNumber + ": count is not a whole number in '" + line + "'", e);
      }
      if (count < 0) {
        throw new IllegalArgumentException("line " + lineNumber + ": negative count " + count);
      }
      builder.addStack(stack, count);
    }
    return builder.build();
  }

  /** A builder that sums counts of equal stacks. */
  public static Builder builder() {
    return new Builder();
  }

  /** Count per stack (frames joined by {@code ;}), in first-seen order; unmodifiable. */
  public Map<String, Long> countsByStack() {
    return countsByStack;
  }

  /** Sum of all counts. */
  public long totalSamples() {
    return totalSamples;
  }

  /** Whether there are no stacks. */
  public boolean isEmpty() {
    return countsByStack.isEmpty();
  }

  /** The frames of a stack string, root first. */
  public static String[] frames(String stack) {
    return stack.split(String.valueOf(FRAME_SEPARATOR), -1);
  }

  /** The folded text, one {@code stack count} line per stack, each line ending in a newline. */
  public String toText() {
    StringBuilder text = new StringBuilder(countsByStack.size() * 64);
    countsByStack.forEach(
        (stack, count) -> text.append(stack).append(' ').append(count).append('\n'));
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CollapsedStacks that && countsByStack.equals(that.countsByStack);
  }

  @Override
  public int hashCode() {
    return countsByStack.hashCode();
  }

  @Override
  public String toString() {
    return "CollapsedStacks[" + countsByStack.size() + " stacks, " + totalSamples + " samples]";
  }

  /** Accumulates stacks; not thread-safe. */
  public static final class Builder {
    private final Map<String, Long> counts = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds samples of one stack.
     *
     * @param framesRootFirst frames from the root (for example {@code Thread.run}) to the leaf; a
     *     frame must not contain {@code ;} or a line break (they are replaced by {@code _})
     * @param count samples, at least 0
     */
    public Builder add(List<String> framesRootFirst, long count) {
      if (framesRootFirst.isEmpty()) {
        throw new IllegalArgumentException("a stack needs at least one frame");
      }
      StringBuilder stack = new StringBuilder(framesRootFirst.size() * 32);
      for (String frame : framesRootFirst) {
        if (stack.length() > 0) {
          stack.append(FRAME_SEPARATOR);
        }
        stack.append(sanitize(frame));
      }
      return addStack(stack.toString(), count);
    }

    /** Adds samples of a stack already joined by {@code ;}. */
    public Builder addStack(String stack, long count) {
      if (count < 0) {
        throw new IllegalArgumentException("negative count " + count);
      }
      if (stack.isEmpty()) {
        throw new IllegalArgumentException("empty stack");
      }
      counts.merge(stack, count, Long::sum);
      return this;
    }

    /** Adds every stack of another set. */
    public Builder addAll(CollapsedStacks stacks) {
      stacks.countsByStack().forEach(this::addStack);
      return this;
    }

    /** The immutable result. */
    public CollapsedStacks build() {
      return counts.isEmpty() ? EMPTY : new CollapsedStacks(new LinkedHashMap<>(counts));
    }

    private static String sanitize(String frame) {
      String clean = frame.replace(';', '_').replace('\n', '_').replace('\r', '_').strip();
      return clean.isEmpty() ? "_" : clean.replace(' ', '_');
    }
  }
}
