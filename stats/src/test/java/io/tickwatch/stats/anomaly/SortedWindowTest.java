package io.tickwatch.stats.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedWindowTest {

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  @Test
  void shouldMatchNaiveMedianAndMadOverARollingWindow() {
    Random random = new Random(9);
    for (int capacity : new int[] {3, 4, 17, 50}) {
      SortedWindow w = new SortedWindow(capacity);
      double[] ring = new double[capacity];
      for (int i = 0; i < 500; i++) {
        double x = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextGaussian() * 10;
        w.add(x);
        ring[i % capacity] = x;
        double[] content = Arrays.copyOf(ring, Math.min(i + 1, capacity));
        double med = median(content);
        double[] dev = Arrays.stream(content).map(v -> Math.abs(v - med)).toArray();
        assertThat(w.median()).isCloseTo(med, within(1e-12));
        assertThat(w.mad(med))
            .as("capacity %d step %d", capacity, i)
            .isCloseTo(median(dev), within(1e-12));
        assertThat(w.fractionBelow(0.0))
            .isCloseTo(
                Arrays.stream(content).filter(v -> v < 0).count() / (double) content.length,
                within(1e-12));
      }
    }
  }
}
