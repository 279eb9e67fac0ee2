package io.tickwatch.producer.profile;

import io.tickwatch.schemas.profile.CollapsedStacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baselines for differential reports: the stacks of the last {@value #KEPT_REPORTS} reports of this
 * agent, by profile id, or a collapsed-stacks file (for example a healthy host's report saved with
 * {@code CollapsedStacks.toText()}, or an earlier build's). Thread-safe.
 */
final class BaselineStore {
  static final int KEPT_REPORTS = 16;
  private static final Logger LOG = LoggerFactory.getLogger(BaselineStore.class);

  private final Map<String, CollapsedStacks> recent =
      new LinkedHashMap<>(32, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CollapsedStacks> eldest) {
          return size() > KEPT_REPORTS;
        }
      };

  synchronized void remember(ProfileReport report) {
    recent.put(report.profileId(), report.stacks());
  }

  synchronized Optional<CollapsedStacks> byProfileId(String profileId) {
    return Optional.ofNullable(recent.get(profileId));
  }

  /** The baseline a request names, if any and readable (problems are logged, not thrown). */
  Optional<Baseline> forRequest(ProfileRequest request) {
    if (request.baselineFile() != null) {
      return readFile(request.baselineFile())
          .map(stacks -> new Baseline(request.baselineFile().getFileName().toString(), stacks));
    }
    if (request.baselineProfileId() != null) {
      Optional<CollapsedStacks> stacks = byProfileId(request.baselineProfileId());
      if (stacks.isEmpty()) {
        LOG.warn(
            "profile {}: baseline profile {} is not among this agent's last {} reports",
            request.profileId(),
            request.baselineProfileId(),
            KEPT_REPORTS);
      }
      return stacks.map(s -> new Baseline(request.baselineProfileId(), s));
    }
    return Optional.empty();
  }

  private static Optional<CollapsedStacks> readFile(Path file) {
    try {
      return Optional.of(CollapsedStacks.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read baseline profile {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** A baseline and the id it is reported under. */
  record Baseline(String id, CollapsedStacks stacks) {}
}
