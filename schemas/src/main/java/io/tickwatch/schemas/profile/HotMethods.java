package io.tickwatch.schemas.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hot-method table of a profile: per method, self samples (method is the leaf) and total
 * samples (method anywhere in the stack, once per stack even under recursion), hottest by self
 * samples first. Stateless and thread-safe.
 */
public final class HotMethods {
  /** Rows in a report's table. */
  public static final int DEFAULT_LIMIT = 20;

  private static final Comparator<MethodStat> HOTTEST_FIRST =
      Comparator.comparingLong(MethodStat::selfSamples)
          .reversed()
          .thenComparing(Comparator.comparingLong(MethodStat::totalSamples).reversed())
          .thenComparing(MethodStat::method);

  private HotMethods() {}

  /** Every method of the stacks, hottest first. */
  public static List<MethodStat> all(CollapsedStacks stacks) {
    Map<String, long[]> selfAndTotal = new HashMap<>();
    Set<String> seenInStack = new HashSet<>();
    for (Map.Entry<String, Long> entry : stacks.countsByStack().entrySet()) {
      long count = entry.getValue();
      String[] frames = CollapsedStacks.frames(entry.getKey());
      seenInStack.clear();
      for (String frame : frames) {
        if (seenInStack.add(frame)) {
          selfAndTotal.computeIfAbsent(frame, f -> new long[2])[1] += count;
        }
      }
      selfAndTotal.get(frames[frames.length - 1])[0] += count;
    }
    long total = stacks.totalSamples();
    List<MethodStat> rows = new ArrayList<>(selfAndTotal.size());
    selfAndTotal.forEach(
        (method, counts) ->
            rows.add(
                new MethodStat(
                    method,
                    counts[0],
                    counts[1],
                    percent(counts[0], total),
                    percent(counts[1], total))));
    rows.sort(HOTTEST_FIRST);
    return rows;
  }

  /** The {@code limit} hottest methods. */
  public static List<MethodStat> top(CollapsedStacks stacks, int limit) {
    List<MethodStat> rows = all(stacks);
    return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
  }

  static double percent(long part, long whole) {
    return whole == 0 ? 0.0 : 100.0 * part / whole;
  }
}
