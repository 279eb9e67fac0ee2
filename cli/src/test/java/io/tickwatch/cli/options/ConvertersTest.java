package io.tickwatch.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

  @Test
  void shouldAcceptPortsInRange() {
    assertThat(new Converters.PortConverter().convert("9092")).isEqualTo(9092);
    assertThat(new Converters.PortConverter().convert("1")).isEqualTo(1);
    assertThat(new Converters.PortConverter().convert("65535")).isEqualTo(65535);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "-1", "http", ""})
  void shouldRejectPortsOutOfRange(String value) {
    assertThatThrownBy(() -> new Converters.PortConverter().convert(value))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void shouldNormaliseBootstrapServerLists() {
    assertThat(new Converters.BootstrapServersConverter().convert(" a:9092 , b.example:19092"))
        .isEqualTo("a:9092,b.example:19092");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost:", ":9092", "a:9092,b", "a:notaport"})
  void shouldRejectMalformedBootstrapServers(String value) {
    assertThatThrownBy(() -> new Converters.BootstrapServersConverter().convert(value))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void shouldStripTrailingSlashFromRegistryUrl() {
    assertThat(new Converters.HttpUrlConverter().convert("http://localhost:8081/"))
        .isEqualTo("http://localhost:8081");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8081", "ftp://x:1", "http://", "http://exa mple"})
  void shouldRejectNonHttpUrls(String value) {
    assertThatThrownBy(() -> new Converters.HttpUrlConverter().convert(value))
        .isInstanceOf(TypeConversionException.class);
  }
}
