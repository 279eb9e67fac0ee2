package io.tickwatch.cli.nab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NabCommandTest {

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final LocalDateTime T0 = LocalDateTime.of(2014, 4, 1, 0, 0);

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new NabCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** Two noisy series of 1,000 rows; one has a spike at row 700 inside window 650..750. */
  private void writeTinyCorpus() throws IOException {
    Files.createDirectories(dir.resolve("data/synthetic"));
    Random random = new Random(1);
    StringBuilder spiky = new StringBuilder("timestamp,value\n");
    StringBuilder quiet = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < 1_000; i++) {
      String ts = T0.plusMinutes(5L * i).format(TS);
      spiky.append(ts).append(',').append(10 + random.nextGaussian() + (i == 700 ? 40 : 0));
      spiky.append('\n');
      quiet.append(ts).append(',').append(10 + random.nextGaussian()).append('\n');
    }
    Files.writeString(dir.resolve("data/synthetic/spiky.csv"), spiky);
    Files.writeString(dir.resolve("data/synthetic/quiet.csv"), quiet);
    String start = T0.plusMinutes(5L * 650).format(TS) + ".000000";
    String end = T0.plusMinutes(5L * 750).format(TS) + ".000000";
    Files.writeString(
        dir.resolve("windows.json"),
        "{\"synthetic/spiky.csv\": [[\""
            + start
            + "\", \""
            + end
            + "\"]],"
            + " \"synthetic/quiet.csv\": []}");
  }

  @Test
  void shouldScoreATinyCorpusAndWriteNabResults() throws IOException {
    writeTinyCorpus();

    int code =
        run(
            "--data", dir.resolve("data").toString(),
            "--windows", dir.resolve("windows.json").toString(),
            "--out", dir.resolve("results").toString(),
            "--detector", "zscore");

    assertThat(code).as(err.toString()).isZero();
    Path result = dir.resolve("results/zscore/synthetic/zscore_spiky.csv");
    List<String> rows = Files.readAllLines(result);
    assertThat(rows.get(0)).isEqualTo("timestamp,value,anomaly_score");
    assertThat(rows).hasSize(1_001);
    assertThat(rows.get(1)).startsWith("2014-04-01 00:00:00,");
    assertThat(Files.exists(dir.resolve("results/zscore/synthetic/zscore_quiet.csv"))).isTrue();
    // the spike is caught at the window's centre with no false positive: 100 * (0.86 + 1) / 2
    assertThat(out.toString())
        .contains("standard", "reward_low_FP_rate", "reward_low_FN_rate", "synthetic")
        .containsPattern("standard\\s+9[0-9]\\.[0-9]");
    assertThat(err.toString()).contains("[2/2]");
  }

  @Test
  void shouldPrintTheLeaveOneCategoryOutScoreOnRequest() throws IOException {
    writeTinyCorpus();
    // a second labelled category: the same spiky series under another name
    Files.createDirectories(dir.resolve("data/other"));
    Files.copy(dir.resolve("data/synthetic/spiky.csv"), dir.resolve("data/other/spiky.csv"));
    String windows = Files.readString(dir.resolve("windows.json"));
    String spikyWindows =
        windows.substring(windows.indexOf(": [[") + 2, windows.indexOf("]],") + 2);
    Files.writeString(
        dir.resolve("windows.json"),
        windows.replace("{", "{\"other/spiky.csv\": " + spikyWindows + ", "));

    int code =
        run(
            "--data",
            dir.resolve("data").toString(),
            "--windows",
            dir.resolve("windows.json").toString(),
            "--out",
            dir.resolve("results").toString(),
            "--detector",
            "zscore",
            "--holdout");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("leave-one-category-out")
        .containsPattern("\\n\\s+other\\s+9[0-9]\\.[0-9]")
        .containsPattern("\\n\\s+synthetic\\s+9[0-9]\\.[0-9]")
        .containsPattern("pooled\\s+9[0-9]\\.[0-9]");
  }

  @Test
  void shouldSayWhyThereIsNoHoldoutScoreWithOneLabelledCategory() throws IOException {
    writeTinyCorpus();

    int code =
        run(
            "--data",
            dir.resolve("data").toString(),
            "--windows",
            dir.resolve("windows.json").toString(),
            "--out",
            dir.resolve("results").toString(),
            "--detector",
            "zscore",
            "--holdout");

    assertThat(code).isZero();
    assertThat(err.toString())
        .contains("no leave-one-category-out score: holding out synthetic leaves no windows");
  }

  @Test
  void shouldRejectBadInputWithAOneLineReasonThroughMain() throws IOException {
    writeTinyCorpus();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine root = Main.commandLine(outWriter, errWriter);

    int code =
        root.execute(
            "nab",
            "--data",
            dir.resolve("nowhere").toString(),
            "--windows",
            dir.resolve("windows.json").toString(),
            "--out",
            dir.resolve("results").toString());

    assertThat(code).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString().strip())
        .startsWith("tickwatch: error: data directory not found")
        .doesNotContain("\n");
  }

  @Test
  void shouldRejectAnUnknownDetector() throws IOException {
    writeTinyCorpus();

    int code =
        run(
            "--data", dir.resolve("data").toString(),
            "--windows", dir.resolve("windows.json").toString(),
            "--out", dir.resolve("results").toString(),
            "--detector", "zscore,nope");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown detector 'nope'");
    assertThat(Files.exists(dir.resolve("results"))).isFalse();
  }
}
