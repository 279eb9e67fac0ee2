package io.tickwatch.schemas.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.schemas.registry.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreCodecTest {

  @Test
  void shouldRoundTripSchemaVersionsAndConfigs() {
    StoreEntry schema = new StoreEntry.SchemaVersion("a-value", 3, 7, "\"string\"");
    StoreEntry global = new StoreEntry.Config(Optional.empty(), CompatibilityLevel.FULL);
    StoreEntry subject = new StoreEntry.Config(Optional.of("a-value"), CompatibilityLevel.NONE);

    for (StoreEntry entry : new StoreEntry[] {schema, global, subject}) {
      assertThat(StoreCodec.decode(StoreCodec.key(entry), StoreCodec.value(entry))).contains(entry);
    }
  }

  @Test
  void shouldIgnoreTombstonesDeletedSchemasAndOtherKeyTypes() {
    byte[] schemaKey = StoreCodec.key(new StoreEntry.SchemaVersion("a-value", 1, 1, "\"int\""));
    byte[] deleted =
        "{\"subject\":\"a-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\",\"deleted\":true}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(StoreCodec.decode(schemaKey, null)).isEmpty();
    assertThat(StoreCodec.decode(schemaKey, deleted)).isEmpty();
    assertThat(StoreCodec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), bytes("{}")))
        .isEmpty();
  }

  @Test
  void shouldReportAnUnreadableRecord() {
    assertThatThrownBy(() -> StoreCodec.decode(bytes("{\"keytype\":\"SCHEMA\"}"), bytes("{")))
        .isInstanceOf(SchemaStoreException.class)
        .hasMessageContaining("keytype");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
