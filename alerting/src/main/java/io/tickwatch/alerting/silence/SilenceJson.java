package io.tickwatch.alerting.silence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.alerting.model.LabelMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a silence on {@code tickwatch.silences}. Thread-safe. */
public final class SilenceJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SilenceJson() {}

  public static String write(Silence s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("matchers", s.matchers().stream().map(LabelMatcher::toString).toList());
    m.put("startsAtMillis", s.startsAtMillis());
    m.put("endsAtMillis", s.endsAtMillis());
    m.put("createdBy", s.createdBy());
    m.put("comment", s.comment());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a silence; throws {@link IllegalArgumentException} on malformed input. */
  public static Silence read(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      List<LabelMatcher> matchers = new ArrayList<>();
      for (JsonNode m : n.path("matchers")) {
        matchers.add(LabelMatcher.parse(m.asText()));
      }
      return new Silence(
          n.path("id").asText(),
          matchers,
          n.path("startsAtMillis").asLong(),
          n.path("endsAtMillis").asLong(),
          n.path("createdBy").asText(""),
          n.path("comment").asText(""));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a silence: " + e.getOriginalMessage(), e);
    }
  }
}
