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
      DIM > 0 ? new KnnConformalDetector.Measure(DIM, 3, KNNH) : null;
  static int L = Integer.getInteger("l", 0);
  static double Q = Double.parseDouble(System.getProperty("q", "0.99"));
  static double QF = Double.parseDouble(System.getProperty("qf", "3"));
  static int MODE = Integer.getInteger("mode", 0);
  private final SortedWindow past = L > 0 ? new SortedWindow(L) : null;
  private long n;
  private double sum;

  @Override
  public double score(long t, double x) {
    double z = 0;
    if (values.size() >= MIN) {
      z = zOf(values, x);
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
          if (sd > 0) {
            z = Math.max(z, SHAPEW * (v - shapes.mean()) / sd);
          }
        }
        shapes.add(v);
      }
    }
    n++;
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
