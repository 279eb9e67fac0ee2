package io.tickwatch.stats.nab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A labelled NAB corpus: {@code <data>/<category>/<file>.csv} files ({@code timestamp,value}) and a
 * windows JSON. Every data file must have an entry in the windows file; entries without a data file
 * are ignored (a subset of the corpus can be scored).
 *
 * @param series the series, sorted by key
 */
public record NabCorpus(List<NabSeries> series) {

  /** NAB's timestamp format, with optional fractional seconds; interpreted as UTC. */
  static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  public NabCorpus {
    series = List.copyOf(series);
  }

  /** Total number of windows over all series. */
  public int windowCount() {
    return series.stream().mapToInt(s -> s.windows().size()).sum();
  }

  /**
   * Loads a corpus.
   *
   * @throws IllegalArgumentException when a file is malformed or has no windows entry (all such
   *     problems are listed)
   * @throws UncheckedIOException when a file cannot be read
   */
  public static NabCorpus load(Path dataDir, Path windowsFile) {
    Map<String, List<String[]>> labels;
    try {
      labels = WindowsJson.parse(Files.readString(windowsFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + windowsFile, e);
    }
    Map<String, NabSeries> byKey = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dataDir, 2)) {
      files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dataDir, e);
    }
    for (Path file : files) {
      Path relative = dataDir.relativize(file);
      if (relative.getNameCount() != 2) {
        continue;
      }
      String category = relative.getName(0).toString();
      String name = relative.getName(1).toString();
      String key = category + "/" + name;
      List<String[]> windowTexts = labels.get(key);
      if (windowTexts == null) {
        errors.add(key + ": no entry in " + windowsFile.getFileName());
        continue;
      }
      try {
        byKey.put(key, readSeries(file, category, name, windowTexts));
      } catch (IllegalArgumentException e) {
        errors.add(key + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    if (byKey.isEmpty()) {
      throw new IllegalArgumentException("no <category>/<file>.csv under " + dataDir);
    }
    return new NabCorpus(new ArrayList<>(byKey.values()));
  }

  static long parseTimestamp(String text) {
    return LocalDateTime.parse(text.trim(), TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static NabSeries readSeries(
      Path file, String category, String name, List<String[]> windowTexts) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (lines.isEmpty() || !lines.get(0).trim().startsWith("timestamp")) {
      throw new IllegalArgumentException("missing 'timestamp,value' header");
    }
    long[] ts = new long[lines.size() - 1];
    double[] values = new double[ts.length];
    int n = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      int comma = line.indexOf(',');
      if (comma < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected timestamp,value");
      }
      try {
        ts[n] = parseTimestamp(line.substring(0, comma));
        values[n] = Double.parseDouble(line.substring(comma + 1).trim());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
      if (n > 0 && ts[n] < ts[n - 1]) {
        throw new IllegalArgumentException("line " + (i + 1) + ": timestamps go backwards");
      }
      n++;
    }
    List<NabWindow> windows = new ArrayList<>();
    for (String[] w : windowTexts) {
      windows.add(new NabWindow(parseTimestamp(w[0]), parseTimestamp(w[1])));
    }
    windows.sort((a, b) -> Long.compare(a.startMillis(), b.startMillis()));
    return new NabSeries(
        category,
        name,
        java.util.Arrays.copyOf(ts, n),
        java.util.Arrays.copyOf(values, n),
        windows);
  }
}
