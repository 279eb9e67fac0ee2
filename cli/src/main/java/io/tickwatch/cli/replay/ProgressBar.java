package io.tickwatch.cli.replay;

import io.tickwatch.cli.options.DurationParser;
import java.time.Duration;
import java.util.Locale;

/** A one-line text progress bar with percentage, counts and ETA. Pure function of its inputs. */
public final class ProgressBar {

  private static final int WIDTH = 30;

  private ProgressBar() {}

  /**
   * Renders for example {@code [#########.....................] 30% 1.2M / 4.0M records ETA 0:42}.
   */
  public static String render(long done, long total, Duration elapsed, String unit) {
    double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    String eta;
    if (done <= 0 || total <= 0) {
      eta = "--:--";
    } else if (done >= total) {
      eta = "0:00";
    } else {
      long etaMillis = (long) (elapsed.toMillis() * (double) (total - done) / done);
      eta = DurationParser.clock(Duration.ofMillis(etaMillis));
    }
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %s / %s %s  ETA %s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        (int) Math.floor(fraction * 100),
        count(done),
        count(total),
        unit,
        eta);
  }

  /** 999, 1.2k, 3.4M. */
  public static String count(long value) {
    if (value < 1_000) {
      return Long.toString(value);
    }
    if (value < 1_000_000) {
      return String.format(Locale.ROOT, "%.1fk", value / 1_000.0);
    }
    return String.format(Locale.ROOT, "%.1fM", value / 1_000_000.0);
  }
}
