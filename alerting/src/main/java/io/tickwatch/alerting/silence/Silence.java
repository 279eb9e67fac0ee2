package io.tickwatch.alerting.silence;

import io.tickwatch.alerting.model.LabelMatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A silence: alerts whose labels match every matcher are muted from {@code startsAtMillis}
 * (inclusive) to {@code endsAtMillis} (exclusive). Immutable.
 */
public record Silence(
    String id,
    List<LabelMatcher> matchers,
    long startsAtMillis,
    long endsAtMillis,
    String createdBy,
    String comment) {

  public Silence {
    Objects.requireNonNull(id, "id");
    matchers = List.copyOf(matchers);
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("a silence needs at least one matcher");
    }
    if (endsAtMillis <= startsAtMillis) {
      throw new IllegalArgumentException("a silence must end after it starts");
    }
    createdBy = createdBy == null ? "" : createdBy;
    comment = comment == null ? "" : comment;
  }

  /** True while the silence is in force at this instant. */
  public boolean activeAt(long nowMillis) {
    return nowMillis >= startsAtMillis && nowMillis < endsAtMillis;
  }

  /** True when the silence is in force and matches these labels. */
  public boolean mutes(Map<String, String> labels, long nowMillis) {
    return activeAt(nowMillis) && LabelMatcher.allMatch(matchers, labels);
  }
}
