package io.tickwatch.stats.anomaly;

/** Development only: a composite detector with knobs from system properties. */
public final class ExperimentDetector implements AnomalyDetector {
  static int W = Integer.getInteger("w", 1000);
  static int S = Integer.getInteger("s", 0);
  static int DIM = Integer.getInteger("dim", 0);
  static int KNNH = Integer.getInteger("knnh", 600);
  static int MIN = Integer.getInteger("min", 30);
  static boolean LOG = Boolean.getBoolean("log");
  static double SHAPEW = Double.parseDouble(System.getProperty("shapew", "1.0"));
  static double LEVELW = Double.parseDouble(System.getProperty("levelw", "1.0"));

  private final RollingMoments values = new RollingMoments(W);
  private final RollingMoments levels = new RollingMoments(W);
  private final RollingMoments shapes = new RollingMoments(W);
  private final double[] ring = new double[Math.max(1, S)];
  private final KnnConformalDetector.Measure shape =
      DIM > 0 ? new KnnConformalDetector.Measure(DIM, K, KNNH) : null;
  static boolean VALUE = !Boolean.getBoolean("novalue");
  static int K = Integer.getInteger("k", 3);
  static boolean RATIO = Boolean.getBoolean("ratio");
  static double GATE = Double.parseDouble(System.getProperty("gate", "-1000"));
  static double GATEF = Double.parseDouble(System.getProperty("gatef", "0.5"));
  static int L = Integer.getInteger("l", 0);
  static double Q = Double.parseDouble(System.getProperty("q", "0.99"));
  static double QF = Double.parseDouble(System.getProperty("qf", "3"));
  static int MODE = Integer.getInteger("mode", 0);
  private final SortedWindow past = L > 0 ? new SortedWindow(L) : null;
  private long n;
  static int LIK = Integer.getInteger("lik", 0);
  static int LIKMODE = Integer.getInteger("likmode", 0);
  static double LIKW = Double.parseDouble(System.getProperty("likw", "1"));
  private final double[] likRing = new double[Math.max(1, LIK)];
  private double likSum;
  private final RollingMoments likMoments = new RollingMoments(Integer.getInteger("likw2", 2000));
  private double sum;

  static boolean LOGV = Boolean.getBoolean("logv");
  static double LOCK = Double.parseDouble(System.getProperty("lock", "2"));
  static int LOCKROWS = Integer.getInteger("lockrows", 200);
  private double scaleRef = -1;
  private long lockedUntil = -1;

  @Override
  public double score(long t, double x) {
    tNow = t;
    if (LOGV) {
      if (n < MIN) {
        scaleRef = Math.max(scaleRef, Math.abs(x));
      }
      double sc = scaleRef > 0 ? scaleRef * 0.01 : 1;
      x = Math.signum(x) * Math.log1p(Math.abs(x) / sc);
    }
    double out = inner(x);
    if (n - 1 < lockedUntil) {
      return out * 0.1;
    }
    if (out >= LOCK) {
      lockedUntil = n - 1 + LOCKROWS;
    }
    return out;
  }

  static int SEAS = Integer.getInteger("seas", 0);
  static double SEASF = Double.parseDouble(System.getProperty("seasf", "0.3"));
  static int SEASTOL = Integer.getInteger("seastol", 1);
  private final double[] envMin = new double[SEAS > 0 ? 1440 / SEAS : 1];
  private final double[] envMax = new double[envMin.length];
  private final double[] curMin = new double[envMin.length];
  private final double[] curMax = new double[envMin.length];
  private final long[] curDay = new long[envMin.length];

  {
    java.util.Arrays.fill(envMin, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(envMax, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(curDay, -1);
  }

  private long tNow;

  private boolean seasonal(double x) {
    long day = Math.floorDiv(tNow, 86_400_000L);
    int slots = envMin.length;
    int slot = (int) (Math.floorMod(tNow, 86_400_000L) / 60_000L / SEAS);
    boolean explained = false;
    for (int d = -SEASTOL; d <= SEASTOL; d++) {
      int sl = Math.floorMod(slot + d, slots);
      if (curDay[sl] >= 0 && curDay[sl] < day) {
        envMin[sl] = Math.min(envMin[sl], curMin[sl]);
        envMax[sl] = Math.max(envMax[sl], curMax[sl]);
        curDay[sl] = -1;
      }
      if (x >= envMin[sl] && x <= envMax[sl]) {
        explained = true;
      }
    }
    if (curDay[slot] != day) {
      curDay[slot] = day;
      curMin[slot] = x;
      curMax[slot] = x;
    } else {
      curMin[slot] = Math.min(curMin[slot], x);
      curMax[slot] = Math.max(curMax[slot], x);
    }
    return explained;
  }

  private double inner(double x) {
    double z = 0;
    if (VALUE && values.size() >= MIN) {
      z = zOf(values, x);
    }
    if (SEAS > 0 && seasonal(x)) {
      z *= SEASF;
    }
    values.add(x);
    if (S > 0) {
      int slot = (int) (n % S);
      sum += x - ring[slot];
      ring[slot] = x;
      if (n >= S) {
        double lvl = sum / S;
        if (levels.size() >= MIN) {
          z = Math.max(z, LEVELW * zOf(levels, lvl));
        }
        levels.add(lvl);
      }
    }
    if (shape != null) {
      double m = shape.next(x);
      if (!Double.isNaN(m)) {
        double v = LOG ? Math.log(m + 1e-9) : m;
        if (shapes.size() >= MIN) {
          double sd = shapes.sampleStdDev();
          if (RATIO) {
            double mean = shapes.mean();
            if (mean > 0) {
              z = Math.max(z, SHAPEW * v / mean);
            }
          } else if (sd > 0) {
            double zs = (v - shapes.mean()) / sd;
            if (GATE > -100 && zs < GATE) {
              z = z * GATEF;
            }
            z = Math.max(z, SHAPEW * zs);
          }
        }
        shapes.add(v);
      }
    }
    n++;
    if (LIK > 0) {
      int slot = (int) (n % LIK);
      likSum += z - likRing[slot];
      likRing[slot] = z;
      double avg = likSum / LIK;
      double z2 = 0;
      if (likMoments.size() >= 100) {
        double sd = likMoments.sampleStdDev();
        z2 = sd > 0 ? (avg - likMoments.mean()) / sd : 0;
      }
      likMoments.add(avg);
      z = LIKMODE == 0 ? Math.max(z, LIKW * z2) : LIKW * z2;
    }
    if (past != null) {
      double eff = z;
      if (past.size() > 100) {
        double q = Math.max(QF, past.quantile(Q));
        eff = MODE == 0 ? 3 * z / q : Math.max(0, z - q + 3);
      }
      past.add(z);
      z = eff;
    }
    return z / (z + 3);
  }

  private static double zOf(RollingMoments m, double x) {
    double sd = m.sampleStdDev();
    if (sd < 1e-9) {
      return x == m.mean() ? 0 : 30;
    }
    return Math.abs(x - m.mean()) / sd;
  }
}
