package io.tickwatch.producer.internal.collect;

/**
 * Turns {@code perf stat -e cache-misses,cache-references -x , -I N} output into one reading per
 * interval: misses per second and misses as a percentage of references.
 *
 * <p>perf prints one line per event per interval, {@code <seconds>,<count>,<unit>,<event>,...},
 * where the count is {@code <not counted>} or {@code <not supported>} when the counter did not run.
 * The event may carry a modifier ({@code cache-misses:u} when perf may count user space only) or a
 * PMU ({@code cpu_core/cache-misses/} and {@code cpu_atom/...} on hybrid CPUs, summed). The rate
 * divides by the interval's length from perf's own timestamps. An event that was not counted, or
 * not seen in an interval, gives NaN for the values that need it, never zero. Other lines
 * (warnings, comments) are ignored.
 *
 * <p>perf writes all lines of an interval at its end, so waiting for the next interval's first line
 * would delay every reading by one interval. Instead, the first interval (ended by the next
 * timestamp) teaches how many lines a full interval has (two; four on a hybrid CPU), and later
 * intervals are complete as soon as that many lines have arrived; a short interval still ends at
 * the next timestamp. Not thread-safe: one reader thread.
 */
final class PerfCacheIntervalParser {

  /** Receives each completed interval. */
  interface Listener {
    /**
     * @param missesPerSecond cache misses over the interval's length, NaN if not counted
     * @param missPercent 100 × misses / references, NaN if either was not counted or no references
     */
    void interval(double missesPerSecond, double missPercent);
  }

  static final String MISSES = "cache-misses";
  static final String REFERENCES = "cache-references";

  private final Listener listener;
  private double previousSeconds;
  private double seconds = Double.NaN;
  private double misses;
  private double references;
  private boolean missesSeen;
  private boolean referencesSeen;
  private int lines;
  private int linesPerInterval;

  PerfCacheIntervalParser(Listener listener) {
    this.listener = listener;
  }

  /** Feeds one line of perf's output. */
  void accept(String line) {
    String[] fields = line.trim().split(",", -1);
    int event = eventField(fields);
    if (event < 3) {
      return; // not an interval line of one of our events
    }
    double at = number(fields[event - 3]);
    if (Double.isNaN(at) || at <= previousSeconds) {
      return; // not a timestamp, or a straggler of an interval already reported
    }
    if (!Double.isNaN(seconds) && at != seconds) {
      if (linesPerInterval == 0 && missesSeen && referencesSeen) {
        linesPerInterval = lines;
      }
      finish();
    }
    if (Double.isNaN(seconds)) {
      seconds = at;
      misses = Double.NaN;
      references = Double.NaN;
    }
    double count = number(fields[event - 2]);
    if (fields[event].contains(MISSES)) {
      missesSeen = true;
      misses = sum(misses, count);
    } else {
      referencesSeen = true;
      references = sum(references, count);
    }
    lines++;
    if (lines == linesPerInterval && missesSeen && referencesSeen) {
      finish();
    }
  }

  /** Ends the current interval, complete or not (a later interval started, or perf ended). */
  void finish() {
    if (Double.isNaN(seconds)) {
      return;
    }
    double lengthSeconds = seconds - previousSeconds;
    double perSecond = lengthSeconds > 0 ? misses / lengthSeconds : Double.NaN;
    double percent = references > 0 ? 100.0 * misses / references : Double.NaN;
    previousSeconds = seconds;
    seconds = Double.NaN;
    missesSeen = false;
    referencesSeen = false;
    lines = 0;
    listener.interval(perSecond, percent);
  }

  /**
   * The count of {@code event} in perf's non-interval output ({@code <count>,<unit>,<event>,...}),
   * NaN when it was not counted or is not there.
   */
  static double count(String output, String event) {
    for (String line : output.split("\n")) {
      String[] fields = line.trim().split(",", -1);
      int at = eventField(fields);
      if (at >= 2 && fields[at].contains(event)) {
        return number(fields[at - 2]);
      }
    }
    return Double.NaN;
  }

  /** Index of the field naming one of our events, or -1. */
  private static int eventField(String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (isEvent(fields[i], MISSES) || isEvent(fields[i], REFERENCES)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code cache-misses}, {@code cache-misses:u}, {@code cpu_core/cache-misses/} and, when perf
   * falls back to user-only counting on a hybrid CPU, {@code cpu_core/cache-misses/u}.
   */
  private static boolean isEvent(String field, String event) {
    return field.equals(event)
        || field.startsWith(event + ":")
        || field.contains("/" + event + "/");
  }

  /** NaN-aware sum: a NaN part (not counted on one PMU) leaves the other's count. */
  private static double sum(double total, double count) {
    if (Double.isNaN(count)) {
      return total;
    }
    return Double.isNaN(total) ? count : total + count;
  }

  private static double number(String field) {
    String text = field.trim();
    if (text.isEmpty() || text.charAt(0) == '<') {
      return Double.NaN; // <not counted>, <not supported>
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
