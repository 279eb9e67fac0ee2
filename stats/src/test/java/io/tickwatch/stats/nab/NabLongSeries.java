package io.tickwatch.stats.nab;

import io.tickwatch.stats.anomaly.AnomalyDetector;
import io.tickwatch.stats.anomaly.ArtDetector;
import io.tickwatch.stats.anomaly.DetectorSnapshots;
import io.tickwatch.stats.anomaly.LikelihoodDetector;
import io.tickwatch.stats.anomaly.StudyDetectors;
import java.util.Map;
import java.util.Random;

/**
 * Development helper (not a test): art-likelihood on a seeded synthetic 20,000-row series at 5-min
 * cadence (the length of NAB's longest files): daily seasonality (amplitude 10 around 50, a weekend
 * amplitude 0.6×) plus Gaussian noise (sd 2), with injected bursts (+25 for 4 rows) and level
 * shifts (±8 for 600 rows). Counts alarms (score ≥ {@code -Dt}, default 0.5199, the corpus standard
 * threshold) on quiet rows (away from every injected event) in the first and the last 5,000 rows,
 * per member; whether each event is detected; ns/row in both quarters; ART categories and snapshot
 * sizes at the end. Variants as in {@link NabStudy} ({@code cap}, {@code warmup}, {@code tod},
 * {@code days}).
 */
public final class NabLongSeries {
  private NabLongSeries() {}

  static final int ROWS = 20_000;
  static final int[] BURSTS = {4000, 8000, 11000, 16000, 19000};
  static final int[] SHIFTS = {6000, 13500, 17500};
  static final int SHIFT_ROWS = 600;

  static double[] series(long seed) {
    return "bursty".equals(System.getProperty("kind")) ? bursty(seed) : smooth(seed);
  }

  static double[] smooth(long seed) {
    Random r = new Random(seed);
    double[] v = new double[ROWS];
    for (int k = 0; k < ROWS; k++) {
      int day = k / 288;
      boolean holiday = Boolean.getBoolean("holiday") && (day == 22 || day == 58);
      double amp = (day % 7 >= 5 || holiday) ? 6 : 10;
      v[k] = 50 + amp * Math.sin(2 * Math.PI * k / 288.0) + 2 * r.nextGaussian();
    }
    inject(v, 25, 8);
    return v;
  }

  /**
   * A tweet-volume-like count series: Poisson counts around a daily rate 20·(1 + 0.8·sin), with
   * background mini-bursts (rate ×3 for 1–6 rows, 1 row in 500 starts one) that are normal, plus
   * the injected events (bursts +120, shifts ±15).
   */
  static double[] bursty(long seed) {
    Random r = new Random(seed);
    double[] v = new double[ROWS];
    int burstLeft = 0;
    for (int k = 0; k < ROWS; k++) {
      double rate = 20 * (1 + 0.8 * Math.sin(2 * Math.PI * k / 288.0));
      if (burstLeft == 0 && r.nextDouble() < 0.002) {
        burstLeft = 1 + r.nextInt(6);
      }
      if (burstLeft > 0) {
        rate *= 3;
        burstLeft--;
      }
      v[k] = poisson(r, rate);
    }
    inject(v, 120, 15);
    return v;
  }

  private static double poisson(Random r, double lambda) {
    double x = lambda + Math.sqrt(lambda) * r.nextGaussian();
    return Math.max(0, Math.round(x));
  }

  static void inject(double[] v, double burst, double shift) {
    for (int b : BURSTS) {
      for (int k = b; k < b + 4; k++) {
        v[k] += burst;
      }
    }
    int sign = 1;
    for (int s : SHIFTS) {
      for (int k = s; k < s + SHIFT_ROWS; k++) {
        v[k] = Math.max(0, v[k] + shift * sign);
      }
      sign = -sign;
    }
  }

  static boolean quiet(int k) {
    for (int b : BURSTS) {
      if (k >= b - 20 && k < b + 300) {
        return false;
      }
    }
    for (int s : SHIFTS) {
      if (k >= s - 20 && k < s + SHIFT_ROWS + 300) {
        return false;
      }
    }
    return k >= 1000;
  }

  public static void main(String[] args) {
    double t = Double.parseDouble(System.getProperty("t", "0.5199"));
    int seeds = Integer.getInteger("seeds", 5);
    long start = 1_388_534_400_000L; // 2014-01-01 00:00 UTC
    for (String spec : args) {
      Map<String, String> m = NabStudy.parse(spec);
      int[][] quietAlarms = new int[2][3]; // quarter x {art, lik, max}
      int quietRows0 = 0;
      int quietRows1 = 0;
      int bursts = 0;
      int shifts = 0;
      int holidays = 0;
      long ns0 = 0;
      long ns1 = 0;
      int cats = 0;
      int artBytes = 0;
      int likBytes = 0;
      for (int seed = 1; seed <= seeds; seed++) {
        double[] v = series(seed);
        ArtDetector art =
            StudyDetectors.art(
                Integer.parseInt(m.getOrDefault("cap", "500")),
                Integer.parseInt(m.getOrDefault("warmup", "200")));
        double tod = Double.parseDouble(m.getOrDefault("tod", "1"));
        int days = Integer.parseInt(m.getOrDefault("days", "0"));
        AnomalyDetector a =
            tod == 1
                ? art
                : (days > 0
                    ? new io.tickwatch.stats.anomaly.SeasonalDampingDetector(art, 30, days, tod)
                    : StudyDetectors.seasonal(art, 30, tod));
        LikelihoodDetector lik = new LikelihoodDetector();
        boolean[] alarm = new boolean[ROWS];
        for (int k = 0; k < ROWS; k++) {
          long ts = start + k * 300_000L;
          long n0 = System.nanoTime();
          double sa = a.score(ts, v[k]);
          double sl = lik.score(ts, v[k]);
          long dt = System.nanoTime() - n0;
          if (k < 5000) {
            ns0 += dt;
          } else if (k >= ROWS - 5000) {
            ns1 += dt;
          }
          alarm[k] = Math.max(sa, sl) >= t;
          int q = k < 5000 ? 0 : (k >= ROWS - 5000 ? 1 : -1);
          if (q >= 0 && quiet(k)) {
            if (q == 0) {
              quietRows0++;
            } else {
              quietRows1++;
            }
            quietAlarms[q][0] += sa >= t ? 1 : 0;
            quietAlarms[q][1] += sl >= t ? 1 : 0;
            quietAlarms[q][2] += alarm[k] ? 1 : 0;
          }
        }
        for (int b : BURSTS) {
          bursts += any(alarm, b, b + 10) ? 1 : 0;
        }
        for (int s : SHIFTS) {
          shifts += any(alarm, s, s + 100) ? 1 : 0;
        }
        holidays += any(alarm, 22 * 288, 23 * 288) ? 1 : 0;
        holidays += any(alarm, 58 * 288, 59 * 288) ? 1 : 0;
        cats += art.categories();
        artBytes += DetectorSnapshots.snapshot(art).length;
        likBytes += DetectorSnapshots.snapshot(lik).length;
      }
      System.out.printf(
          "%-22s quiet alarms first5k art/lik/max %d/%d/%d (%d rows) last5k %d/%d/%d (%d rows);"
              + " bursts %d/%d shifts %d/%d; us/row first %.1f last %.1f; ART categories %d,"
              + " ART state %d B, likelihood state %d B; days with an alarm among 22 and 58: %d%n",
          spec,
          quietAlarms[0][0],
          quietAlarms[0][1],
          quietAlarms[0][2],
          quietRows0,
          quietAlarms[1][0],
          quietAlarms[1][1],
          quietAlarms[1][2],
          quietRows1,
          bursts,
          BURSTS.length * seeds,
          shifts,
          SHIFTS.length * seeds,
          ns0 / 1000.0 / (5000.0 * seeds),
          ns1 / 1000.0 / (5000.0 * seeds),
          cats / seeds,
          artBytes / seeds,
          likBytes / seeds,
          holidays);
    }
  }

  private static boolean any(boolean[] alarm, int from, int to) {
    for (int k = from; k < to; k++) {
      if (alarm[k]) {
        return true;
      }
    }
    return false;
  }
}
