package io.tickwatch.producer.internal.sample;

import io.tickwatch.avro.MetricSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One series' values within the current batch; NaN until a slot is written. Sampler only. */
final class Column {

  final String name;
  final Map<String, String> labels;
  final double[] values;

  Column(String name, Map<String, String> labels, int slots) {
    this.name = name;
    this.labels = labels;
    this.values = new double[slots];
    Arrays.fill(values, Double.NaN);
  }

  MetricSeries toSeries(int sampleCount) {
    List<Double> boxed = new ArrayList<>(sampleCount);
    for (int i = 0; i < sampleCount; i++) {
      boxed.add(values[i]);
    }
    return new MetricSeries(name, labels, boxed);
  }

  void reset() {
    Arrays.fill(values, Double.NaN);
  }
}
