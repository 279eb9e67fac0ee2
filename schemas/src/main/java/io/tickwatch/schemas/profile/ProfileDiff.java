package io.tickwatch.schemas.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A differential report: how each method's share of the samples changed between a baseline profile
 * (a healthy host, an earlier build) and the current one. Shares (percent of each profile's own
 * total) are compared, not raw counts, so profiles of different length compare fairly.
 *
 * @param baselineSamples samples of the baseline
 * @param currentSamples samples of the current profile
 * @param methods every method of either profile, biggest self-share increase first
 */
public record ProfileDiff(long baselineSamples, long currentSamples, List<MethodDelta> methods) {

  /** Copies the list. */
  public ProfileDiff {
    methods = List.copyOf(methods);
  }

  /**
   * One method's change.
   *
   * @param method frame name
   * @param baselineSelfPercent self share in the baseline, percent
   * @param currentSelfPercent self share now, percent
   * @param baselineTotalPercent total share in the baseline, percent
   * @param currentTotalPercent total share now, percent
   */
  public record MethodDelta(
      String method,
      double baselineSelfPercent,
      double currentSelfPercent,
      double baselineTotalPercent,
      double currentTotalPercent) {

    /** Change of the self share in percentage points (positive: hotter now). */
    public double selfDeltaPercent() {
      return currentSelfPercent - baselineSelfPercent;
    }

    /** Change of the total share in percentage points. */
    public double totalDeltaPercent() {
      return currentTotalPercent - baselineTotalPercent;
    }
  }

  /** Compares {@code current} with {@code baseline}. */
  public static ProfileDiff between(CollapsedStacks current, CollapsedStacks baseline) {
    Map<String, MethodStat> now = index(HotMethods.all(current));
    Map<String, MethodStat> before = index(HotMethods.all(baseline));
    Set<String> names = new LinkedHashSet<>(now.keySet());
    names.addAll(before.keySet());
    List<MethodDelta> deltas = new ArrayList<>(names.size());
    for (String name : names) {
      MethodStat n = now.get(name);
      MethodStat b = before.get(name);
      deltas.add(
          new MethodDelta(
              name,
              b == null ? 0 : b.selfPercent(),
              n == null ? 0 : n.selfPercent(),
              b == null ? 0 : b.totalPercent(),
              n == null ? 0 : n.totalPercent()));
    }
    deltas.sort(
        Comparator.comparingDouble(MethodDelta::selfDeltaPercent)
            .reversed()
            .thenComparing(MethodDelta::method));
    return new ProfileDiff(baseline.totalSamples(), current.totalSamples(), deltas);
  }

  /** The {@code limit} methods whose self share grew most. */
  public List<MethodDelta> regressions(int limit) {
    return methods.stream().filter(m -> m.selfDeltaPercent() > 0).limit(limit).toList();
  }

  /**
   * The two profiles in the two-column folded format of {@code difffolded.pl} ({@code stack
   * baselineCount currentCount}), the input of a differential flame graph.
   */
  public static String diffFolded(CollapsedStacks current, CollapsedStacks baseline) {
    Set<String> stacks = new LinkedHashSet<>(baseline.countsByStack().keySet());
    stacks.addAll(current.countsByStack().keySet());
    StringBuilder text = new StringBuilder(stacks.size() * 64);
    for (String stack : stacks) {
      text.append(stack)
          .append(' ')
          .append(baseline.countsByStack().getOrDefault(stack, 0L))
          .append(' ')
          .append(current.countsByStack().getOrDefault(stack, 0L))
          .append('\n');
    }
    return text.toString();
  }

  private static Map<String, MethodStat> index(List<MethodStat> stats) {
    Map<String, MethodStat> byName = new HashMap<>(stats.size() * 2);
    for (MethodStat stat : stats) {
      byName.put(stat.method(), stat);
    }
    return byName;
  }
}
