package io.tickwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireFormatTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 255, 256, 65_536, 0x01020304, Integer.MAX_VALUE, -1})
  void shouldWriteAndParseTheSchemaIdBigEndian(int schemaId) {
    byte[] header = WireFormat.header(schemaId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, schemaId);

    assertThat(header).hasSize(5).startsWith(0x00);
    assertThat(out.toByteArray()).isEqualTo(header);
    assertThat(WireFormat.parseSchemaId("t", header)).isEqualTo(schemaId);
  }

  @ParameterizedTest
  @ValueSource(ints = {0x01020304})
  void shouldPutTheMostSignificantByteFirst(int schemaId) {
    assertThat(WireFormat.header(schemaId)).containsExactly(0, 1, 2, 3, 4);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void shouldRejectAHeaderShorterThanFiveBytes(int length) {
    byte[] payload = new byte[length];

    assertThatThrownBy(() -> WireFormat.parseSchemaId("tickwatch.samples", payload))
        .isInstanceOf(TruncatedPayloadException.class)
        .hasMessageContaining("tickwatch.samples")
        .hasMessageContaining(length + " bytes")
        .hasMessageContaining("5-byte wire-format header");
  }

  @ParameterizedTest
  @ValueSource(bytes = {0x01, 0x7b, (byte) 0xff})
  void shouldRejectAnyOtherFirstByte(byte first) {
    byte[] payload = {first, 0, 0, 0, 1, 2};

    assertThatThrownBy(() -> WireFormat.parseSchemaId("tickwatch.samples", payload))
        .isInstanceOfSatisfying(
            UnknownMagicByteException.class, e -> assertThat(e.magicByte()).isEqualTo(first & 0xff))
        .hasMessageContaining("tickwatch.samples")
        .hasMessageContaining(String.format("0x%02x", first & 0xff));
  }
}
