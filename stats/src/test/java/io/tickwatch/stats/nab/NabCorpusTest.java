package io.tickwatch.stats.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCorpusTest {

  @TempDir Path dir;

  @Test
  void shouldLoadSeriesAndWindowsFromNabsLayout() throws IOException {
    Files.createDirectories(dir.resolve("data/catA"));
    Files.writeString(
        dir.resolve("data/catA/one.csv"),
        "timestamp,value\n2014-04-01 00:00:00,1.5\n2014-04-01 00:05:00,2\n"
            + "2014-04-01 00:05:00,3\n");
    Files.writeString(
        dir.resolve("windows.json"),
        "{\n \"catA/one.csv\": [\n  [\n   \"2014-04-01 00:05:00.000000\",\n"
            + "   \"2014-04-01 00:05:00.000000\"\n  ]\n ],\n \"catB/absent.csv\": []\n}\n");

    NabCorpus corpus = NabCorpus.load(dir.resolve("data"), dir.resolve("windows.json"));

    assertThat(corpus.series()).hasSize(1);
    NabSeries s = corpus.series().get(0);
    assertThat(s.key()).isEqualTo("catA/one.csv");
    assertThat(s.values()).containsExactly(1.5, 2.0, 3.0);
    assertThat(s.timestampsMillis()[1] - s.timestampsMillis()[0]).isEqualTo(300_000L);
    assertThat(s.windows())
        .containsExactly(new NabWindow(s.timestampsMillis()[1], s.timestampsMillis()[1]));
    assertThat(corpus.windowCount()).isEqualTo(1);
  }

  @Test
  void shouldListEveryFileWithoutAWindowsEntry() throws IOException {
    Files.createDirectories(dir.resolve("data/c"));
    Files.writeString(dir.resolve("data/c/a.csv"), "timestamp,value\n2014-04-01 00:00:00,1\n");
    Files.writeString(dir.resolve("data/c/b.csv"), "timestamp,value\n2014-04-01 00:00:00,1\n");
    Files.writeString(dir.resolve("w.json"), "{}");

    assertThatThrownBy(() -> NabCorpus.load(dir.resolve("data"), dir.resolve("w.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c/a.csv")
        .hasMessageContaining("c/b.csv");
  }

  @Test
  void shouldRejectMalformedWindowsJson() {
    assertThatThrownBy(() -> WindowsJson.parse("{\"a\": [[\"x\"]]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
    assertThat(WindowsJson.parse("{\"a\": []}").get("a")).isEqualTo(List.of());
  }
}
