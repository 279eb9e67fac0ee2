package io.tickwatch.producer.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps profiling cheap: refuses to start a session while the measured overhead is above {@value
 * #REFUSE_ABOVE_PERCENT} %, and halves the sampling rate (doubles the interval) of the running
 * sessions while it is above {@value #BACK_OFF_ABOVE_PERCENT} %, at most once per {@code
 * cooldownChecks} checks so the measurement can settle after each step.
 *
 * <p>While profiling, the overhead is the median of the last {@value #WINDOW} readings, and a
 * back-off needs at least {@value #MIN_READINGS} readings at the current rate, so a single spike
 * (JIT compiling JFR's own code, a GC) does not halve the rate. While nothing runs, the last
 * reading counts as is.
 *
 * <p>The overhead is whatever the {@link OverheadMeter} measured at the last {@link #check}; see
 * {@link ProcessOverheadMeter} for the real one. Thread-safe (synchronized; called about once a
 * second and on each start request).
 */
public final class OverheadGuard {
  /** Above this measured overhead, no new session starts. */
  public static final double REFUSE_ABOVE_PERCENT = 5.0;

  /** Above this measured overhead, running sessions sample half as often. */
  public static final double BACK_OFF_ABOVE_PERCENT = 3.0;

  /** What a check or an admission decided. */
  public enum Decision {
    /** Go ahead at the requested rate. */
    PROCEED,
    /** Go ahead (or continue) at half the rate. */
    BACK_OFF,
    /** Do not start. */
    REFUSE
  }

  /** Readings a decision looks at: the median of the last three. */
  static final int WINDOW = 3;

  /** Readings needed before backing off, so one spike (JIT, GC) does not. */
  static final int MIN_READINGS = 2;

  private final OverheadMeter meter;
  private final ArrayDeque<OverheadReading> window = new ArrayDeque<>(WINDOW);
  private final int cooldownChecks;
  private OverheadReading last = OverheadReading.NONE;
  private int checksSinceBackOff = Integer.MAX_VALUE / 2;

  /**
   * @param meter source of measurements
   * @param cooldownChecks checks to wait after a back-off before the next one, at least 1
   */
  public OverheadGuard(OverheadMeter meter, int cooldownChecks) {
    this.meter = meter;
    this.cooldownChecks = Math.max(1, cooldownChecks);
  }

  /**
   * Measures (through the meter) and decides what running sessions should do.
   *
   * @param profiling whether any session runs
   * @return {@link Decision#BACK_OFF} when the sessions should halve their rate now, else {@link
   *     Decision#PROCEED}
   */
  public synchronized Decision check(boolean profiling) {
    OverheadReading reading = meter.read(profiling);
    checksSinceBackOff++;
    if (!profiling) {
      window.clear();
      last = reading;
      return Decision.PROCEED;
    }
    if (window.size() == WINDOW) {
      window.removeFirst();
    }
    window.addLast(reading);
    last = median();
    if (window.size() >= MIN_READINGS
        && last.overheadPercent() > BACK_OFF_ABOVE_PERCENT
        && checksSinceBackOff >= cooldownChecks) {
      checksSinceBackOff = 0;
      window.clear(); // readings at the old rate no longer apply
      return Decision.BACK_OFF;
    }
    return Decision.PROCEED;
  }

  private OverheadReading median() {
    List<OverheadReading> sorted = new ArrayList<>(window);
    sorted.sort(Comparator.comparingDouble(OverheadReading::overheadPercent));
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** Whether a new session may start, and at which rate, given the last measurement. */
  public synchronized Decision admit() {
    double overhead = last.overheadPercent();
    if (overhead > REFUSE_ABOVE_PERCENT) {
      return Decision.REFUSE;
    }
    return overhead > BACK_OFF_ABOVE_PERCENT ? Decision.BACK_OFF : Decision.PROCEED;
  }

  /** The last measurement. */
  public synchronized OverheadReading lastReading() {
    return last;
  }

  /** Double the interval, capped at {@link ProfileRequest#MAX_INTERVAL_MILLIS}. */
  static int backedOff(int intervalMillis) {
    return Math.min(ProfileRequest.MAX_INTERVAL_MILLIS, intervalMillis * 2);
  }
}
