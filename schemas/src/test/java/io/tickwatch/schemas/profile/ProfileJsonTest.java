package io.tickwatch.schemas.profile;

import static io.tickwatch.schemas.profile.ProfileFixtures.metadata;
import static io.tickwatch.schemas.profile.ProfileFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProfileJsonTest {

  @Test
  void shouldRenderSummaryAndFlameInTheDashboardShape() throws Exception {
    AssembledProfile profile =
        ProfileChunks.join(
            ProfileChunks.split(
                metadata("p-1"),
                summary(10),
                "main;game.Physics.step 7\nmain 3\n".getBytes(StandardCharsets.UTF_8)));
    ObjectMapper mapper = new ObjectMapper();

    JsonNode json = mapper.readTree(mapper.writeValueAsString(ProfileJson.profile(profile)));

    JsonNode summary = json.get("summary");
    assertThat(summary.get("profileId").asText()).isEqualTo("p-1");
    assertThat(summary.get("hostId").asText()).isEqualTo("host-1");
    assertThat(summary.get("alertFingerprint").asText()).isEqualTo("fp-1");
    assertThat(summary.get("totalSamples").asLong()).isEqualTo(10);
    assertThat(summary.get("topMethods").get(0).get("method").asText())
        .isEqualTo("game.Physics.step");
    assertThat(summary.get("baselineProfileId").isNull()).isTrue();
    assertThat(json.get("flame").get("value").asLong()).isEqualTo(10);
    assertThat(json.get("flame").get("children").get(0).get("name").asText()).isEqualTo("main");
  }
}
