package io.tickwatch.schemas.profile;

import io.tickwatch.avro.AllocationSite;
import io.tickwatch.avro.HotMethod;
import io.tickwatch.avro.ProfileSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-friendly forms (maps, lists, strings, numbers, booleans, nulls) of profiles, in the shapes
 * of the dashboard API: {@link #summary} is an item of {@code GET /api/v1/profiles} and {@link
 * #profile} the body of {@code GET /api/v1/profiles/{id}} ({@code {"summary": ..., "flame": ...}}).
 * Any JSON writer (Jackson's {@code ObjectMapper.writeValueAsString}) serializes them.
 */
public final class ProfileJson {
  private ProfileJson() {}

  /** {@code {"summary": summary(...), "flame": flameTree.toJson()}}. */
  public static Map<String, Object> profile(AssembledProfile profile) {
    Map<String, Object> json = new LinkedHashMap<>(2);
    json.put("summary", summary(profile.metadata(), profile.summary()));
    json.put("flame", profile.flameTree().toJson());
    return json;
  }

  /**
   * The summary: profileId, hostId, startedAtMillis, endedAtMillis, alertFingerprint, commandId,
   * totalSamples, droppedSamples, samplingIntervalMillis, overheadPercent, slowTicksOnly,
   * baselineProfileId, topMethods [{method, selfSamples, totalSamples, selfPercent, totalPercent}]
   * and allocationHotSpots [{method, objectClass, allocatedBytes, percent}].
   */
  public static Map<String, Object> summary(ProfileMetadata metadata, ProfileSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>(16);
    json.put("profileId", metadata.profileId());
    json.put("hostId", metadata.hostId());
    json.put("startedAtMillis", metadata.startedAtMillis());
    json.put("endedAtMillis", metadata.endedAtMillis());
    json.put("alertFingerprint", metadata.alertFingerprint());
    json.put("commandId", metadata.commandId());
    json.put("totalSamples", summary.getTotalSamples());
    json.put("droppedSamples", summary.getDroppedSamples());
    json.put("samplingIntervalMillis", summary.getSamplingIntervalMillis());
    json.put("overheadPercent", summary.getOverheadPercent());
    json.put("slowTicksOnly", summary.getSlowTicksOnly());
    json.put("baselineProfileId", ProfileMetadata.str(summary.getBaselineProfileId()));
    List<Object> methods = new ArrayList<>();
    for (HotMethod method : summary.getTopMethods()) {
      Map<String, Object> row = new LinkedHashMap<>(8);
      row.put("method", method.getMethod().toString());
      row.put("selfSamples", method.getSelfSamples());
      row.put("totalSamples", method.getTotalSamples());
      row.put("selfPercent", method.getSelfPercent());
      row.put("totalPercent", method.getTotalPercent());
      methods.add(row);
    }
    json.put("topMethods", methods);
    List<Object> sites = new ArrayList<>();
    for (AllocationSite site : summary.getAllocationHotSpots()) {
      Map<String, Object> row = new LinkedHashMap<>(8);
      row.put("method", site.getMethod().toString());
      row.put("objectClass", site.getObjectClass().toString());
      row.put("allocatedBytes", site.getAllocatedBytes());
      row.put("percent", site.getPercent());
      sites.add(row);
    }
    json.put("allocationHotSpots", sites);
    return json;
  }
}
