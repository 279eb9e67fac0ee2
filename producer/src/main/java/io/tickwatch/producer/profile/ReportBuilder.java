package io.tickwatch.producer.profile;

import io.tickwatch.avro.ProfileSummary;
import io.tickwatch.schemas.profile.CollapsedStacks;
import io.tickwatch.schemas.profile.HotMethods;
import io.tickwatch.schemas.profile.MethodStat;
import io.tickwatch.schemas.profile.ProfileDiff;
import io.tickwatch.schemas.profile.ProfileMetadata;
import java.util.ArrayList;
import java.util.List;

/** Turns what a session accumulated into a {@link ProfileReport}. Stateless. */
final class ReportBuilder {
  /** Rows of the hot-method, allocation and lock tables. */
  static final int TOP = HotMethods.DEFAULT_LIMIT;

  private ReportBuilder() {}

  /**
   * @param baseline stacks to diff against, or null
   * @param baselineProfileId id of the baseline (a profile id or the baseline file's name), or null
   */
  static ProfileReport build(
      ProfileMetadata metadata,
      SampleAccumulator samples,
      int samplingIntervalMillis,
      double overheadPercent,
      boolean slowTicksOnly,
      CollapsedStacks baseline,
      String baselineProfileId) {
    CollapsedStacks stacks = samples.stacks();
    List<io.tickwatch.avro.HotMethod> top = new ArrayList<>();
    for (MethodStat stat : HotMethods.top(stacks, TOP)) {
      top.add(stat.toAvro());
    }
    ProfileSummary summary =
        ProfileSummary.newBuilder()
            .setTotalSamples(stacks.totalSamples())
            .setDroppedSamples(samples.droppedSamples())
            .setSamplingIntervalMillis(samplingIntervalMillis)
            .setOverheadPercent(overheadPercent)
            .setSlowTicksOnly(slowTicksOnly)
            .setTopMethods(top)
            .setAllocationHotSpots(samples.allocationHotSpots(TOP))
            .setBaselineProfileId(baseline == null ? null : baselineProfileId)
            .build();
    ProfileDiff diff = baseline == null ? null : ProfileDiff.between(stacks, baseline);
    return new ProfileReport(metadata, summary, stacks, diff, samples.lockHotSpots(TOP));
  }
}
