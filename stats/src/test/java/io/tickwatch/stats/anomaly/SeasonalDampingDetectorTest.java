package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The default detector "art-likelihood" (its contract) and the time-of-day damping of its ART
 * member ({@link SeasonalDampingDetector}, {@link DailyRanges}).
 */
class SeasonalDampingDetectorTest extends AnomalyDetectorContractTest {

  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long MIDNIGHT = 1_700_006_400_000L; // 2023-11-15 00:00 UTC

  @Override
  protected AnomalyDetector newDetector() {
    return DetectorCatalog.factory("art-likelihood").create();
  }

  /** At most the sum of the members' rates (ART 0.002, likelihood 0.001). */
  @Override
  protected double configuredFalsePositiveRate() {
    return 0.003;
  }

  private static SeasonalDampingDetector alwaysOne(int days) {
    return new SeasonalDampingDetector((t, v) -> 1.0, 30, days, 0.3);
  }

  @Test
  void shouldDampAValueSeenAtTheSameTimeOfDayOnAnEarlierDay() {
    SeasonalDampingDetector d = alwaysOne(7);
    d.score(MIDNIGHT + 12 * HOUR, 10.0);
    d.score(MIDNIGHT + 12 * HOUR + 60_000L, 20.0);

    assertThat(d.score(MIDNIGHT + DAY + 12 * HOUR + 120_000L, 15.0)).isEqualTo(0.3);
    assertThat(d.score(MIDNIGHT + DAY + 12 * HOUR + 180_000L, 25.0)).isEqualTo(1.0);
  }

  @Test
  void shouldNotLetTheCurrentDayExplainItsOwnValues() {
    SeasonalDampingDetector d = alwaysOne(7);
    for (int i = 0; i < 10; i++) {
      assertThat(d.score(MIDNIGHT + 12 * HOUR + i * 60_000L, 10.0)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldAcceptANeighbouringSlotButNoFurther() {
    SeasonalDampingDetector d = alwaysOne(7);
    d.score(MIDNIGHT + 12 * HOUR, 10.0); // slot 12:00-12:30

    assertThat(d.score(MIDNIGHT + DAY + 12 * HOUR + 35 * 60_000L, 10.0)).isEqualTo(0.3);
    assertThat(d.score(MIDNIGHT + DAY + 13 * HOUR + 5 * 60_000L, 10.0)).isEqualTo(1.0);
  }

  @Test
  void shouldWrapAroundMidnightWithoutLettingAnEventExplainItself() {
    SeasonalDampingDetector d = alwaysOne(7);
    d.score(MIDNIGHT + DAY - 10 * 60_000L, 10.0); // 23:50 on day 0

    // 15 minutes later, just after midnight: the same event, not an earlier day
    assertThat(d.score(MIDNIGHT + DAY + 5 * 60_000L, 10.0)).isEqualTo(1.0);

    SeasonalDampingDetector e = alwaysOne(7);
    e.score(MIDNIGHT + DAY - 10 * 60_000L, 10.0); // 23:50 on day 0
    assertThat(e.score(MIDNIGHT + DAY + 5 * 60_000L, 50.0))
        .isEqualTo(1.0); // 00:05 day 1, other level
    // 00:05 of day 2: its own slot saw only 50 on day 1, but 23:50 of day 0 is 15 minutes before
    // 00:05 of day 1, so the level 10 was reached around this time one day earlier
    assertThat(e.score(MIDNIGHT + 2 * DAY + 5 * 60_000L, 10.0)).isEqualTo(0.3);
  }

  @Test
  void shouldWrapForwardAcrossMidnight() {
    SeasonalDampingDetector d = alwaysOne(7);
    d.score(MIDNIGHT + DAY + 5 * 60_000L, 10.0); // 00:05 on day 1

    // 00:05 of day 1 lies 15 minutes after 23:50 of day 0, so at 23:50 of day 1 it is a day old
    // (and at 23:50 of day 0 it would not have been seen yet)
    assertThat(d.score(MIDNIGHT + 2 * DAY - 10 * 60_000L, 10.0)).isEqualTo(0.3);
  }

  @Test
  void shouldForgetDaysOlderThanItsWindow() {
    SeasonalDampingDetector d = alwaysOne(7);
    d.score(MIDNIGHT + 12 * HOUR, 10.0);

    assertThat(d.score(MIDNIGHT + 7 * DAY + 12 * HOUR, 10.0)).isEqualTo(0.3);
    SeasonalDampingDetector e = alwaysOne(7);
    e.score(MIDNIGHT + 12 * HOUR, 10.0);
    assertThat(e.score(MIDNIGHT + 8 * DAY + 12 * HOUR, 10.0)).isEqualTo(1.0);
  }

  @Test
  void shouldKeepEachDaysRangeSeparateInsteadOfTheirHull() {
    SeasonalDampingDetector d = alwaysOne(7);
    d.score(MIDNIGHT + 12 * HOUR, 10.0);
    d.score(MIDNIGHT + DAY + 12 * HOUR, 20.0);

    assertThat(d.score(MIDNIGHT + 2 * DAY + 12 * HOUR, 15.0)).isEqualTo(1.0);
    assertThat(d.score(MIDNIGHT + 2 * DAY + 12 * HOUR + 60_000L, 20.0)).isEqualTo(0.3);
  }

  @Test
  void shouldFeedTheInnerDetectorEveryValue() {
    int[] calls = new int[1];
    SeasonalDampingDetector d =
        new SeasonalDampingDetector(
            (t, v) -> {
              calls[0]++;
              return 0.9;
            },
            30,
            7,
            0.3);
    for (int i = 0; i < 3 * 48; i++) {
      d.score(MIDNIGHT + i * 30 * 60_000L, 5.0);
    }
    assertThat(calls[0]).isEqualTo(3 * 48);
    assertThat(d.score(MIDNIGHT + 3 * DAY, Double.NaN)).isEqualTo(0.9);
  }

  @Test
  void shouldBeWhatTheDefaultRunsOnItsArtMember() {
    AnomalyDetector catalogue = DetectorCatalog.factory(DetectorCatalog.defaultName()).create();
    AnomalyDetector byHand =
        new MaxScoreDetector(
            List.of(
                new SeasonalDampingDetector(new ArtDetector(), 30, 7, 0.3),
                new LikelihoodDetector()));
    AnomalyDetector undamped =
        new MaxScoreDetector(List.of(new ArtDetector(), new LikelihoodDetector()));
    Random random = new Random(7);
    int differences = 0;
    for (int i = 0; i < 288 * 10; i++) {
      long t = MIDNIGHT + i * 300_000L;
      double v = 50 + 10 * Math.sin(2 * Math.PI * i / 288.0) + random.nextGaussian();
      double s = catalogue.score(t, v);
      assertThat(s).isEqualTo(byHand.score(t, v));
      differences += s != undamped.score(t, v) ? 1 : 0;
    }
    assertThat(differences).as("the damping changes some scores of a daily series").isPositive();
  }

  @Test
  void shouldRejectInvalidSettings() {
    assertThatThrownBy(() -> new SeasonalDampingDetector((t, v) -> 0, 30, 7, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeasonalDampingDetector((t, v) -> 0, 7, 7, 0.3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeasonalDampingDetector((t, v) -> 0, 30, 0, 0.3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
