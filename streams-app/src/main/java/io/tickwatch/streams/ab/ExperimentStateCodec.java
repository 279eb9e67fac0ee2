package io.tickwatch.streams.ab;

import io.tickwatch.stats.ab.ComparisonKey;
import io.tickwatch.stats.rolling.BucketCounts;
import io.tickwatch.stats.rolling.Moments;
import io.tickwatch.stats.rolling.SeriesAggregate;
import io.tickwatch.stats.rolling.SeriesKind;
import io.tickwatch.stats.sketch.LogBucketMapping;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binary encoding of {@link ExperimentState} for the {@code ab-state} store (version byte 1, then
 * big-endian fields as written by {@link DataOutputStream}). Every sketch uses the topology's one
 * bucket mapping, which is therefore not stored.
 */
final class ExperimentStateCodec {

  private static final byte VERSION = 1;

  private final LogBucketMapping mapping;

  ExperimentStateCodec(LogBucketMapping mapping) {
    this.mapping = mapping;
  }

  byte[] encode(ExperimentState state) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeLong(state.closedUntilMillis);
      out.writeLong(state.maxEventTimeMillis);
      out.writeLong(state.dataStartMillis);
      out.writeLong(state.evaluations);
      out.writeLong(state.lateRecords);
      out.writeInt(state.sequentialPValues.size());
      for (Map.Entry<String, Double> e : keyed(state).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeDouble(e.getValue());
      }
      writeVariants(out, state.closed);
      out.writeInt(state.pending.size());
      for (Map.Entry<Long, TreeMap<String, VariantAggregate>> w : state.pending.entrySet()) {
        out.writeLong(w.getKey());
        writeVariants(out, w.getValue());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ExperimentState decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown ab-state version " + version);
      }
      ExperimentState state = new ExperimentState();
      state.closedUntilMillis = in.readLong();
      state.maxEventTimeMillis = in.readLong();
      state.dataStartMillis = in.readLong();
      state.evaluations = in.readLong();
      state.lateRecords = in.readLong();
      int pValues = in.readInt();
      for (int i = 0; i < pValues; i++) {
        String key = in.readUTF();
        int bar = key.indexOf('\u0000');
        state.sequentialPValues.put(
            new ComparisonKey(key.substring(0, bar), key.substring(bar + 1)), in.readDouble());
      }
      readVariants(in, state.closed);
      int windows = in.readInt();
      for (int i = 0; i < windows; i++) {
        long end = in.readLong();
        TreeMap<String, VariantAggregate> variants = new TreeMap<>();
        readVariants(in, variants);
        state.pending.put(end, variants);
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Double> keyed(ExperimentState state) {
    Map<String, Double> out = new TreeMap<>();
    state.sequentialPValues.forEach(
        (k, v) -> out.put(k.metric() + '\u0000' + k.treatmentVariant(), v));
    return out;
  }

  private static void writeVariants(DataOutputStream out, Map<String, VariantAggregate> variants)
      throws IOException {
    out.writeInt(variants.size());
    for (Map.Entry<String, VariantAggregate> v : variants.entrySet()) {
      out.writeUTF(v.getKey());
      out.writeLong(v.getValue().errors());
      out.writeLong(v.getValue().units());
      out.writeInt(v.getValue().metrics().size());
      for (Map.Entry<String, SeriesAggregate> m : v.getValue().metrics().entrySet()) {
        out.writeUTF(m.getKey());
        Moments moments = m.getValue().moments();
        out.writeLong(moments.count());
        out.writeDouble(moments.mean());
        out.writeDouble(moments.m2());
        out.writeDouble(moments.min());
        out.writeDouble(moments.max());
        out.writeDouble(moments.sum());
        BucketCounts buckets = m.getValue().buckets();
        long[] counts = buckets.trimmedCounts();
        out.writeLong(buckets.zeroCount());
        out.writeInt(buckets.trimmedOffset());
        out.writeInt(counts.length);
        for (long c : counts) {
          out.writeLong(c);
        }
      }
    }
  }

  private void readVariants(DataInputStream in, Map<String, VariantAggregate> into)
      throws IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String variant = in.readUTF();
      VariantAggregate aggregate = new VariantAggregate();
      aggregate.setCounts(in.readLong(), in.readLong());
      int metrics = in.readInt();
      for (int j = 0; j < metrics; j++) {
        String metric = in.readUTF();
        Moments moments =
            Moments.of(
                in.readLong(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble());
        long zeroCount = in.readLong();
        int offset = in.readInt();
        long[] counts = new long[in.readInt()];
        for (int k = 0; k < counts.length; k++) {
          counts[k] = in.readLong();
        }
        aggregate
            .metrics()
            .put(
                metric,
                new SeriesAggregate(
                    SeriesKind.LATENCY,
                    moments,
                    BucketCounts.of(mapping, zeroCount, offset, counts)));
      }
      into.put(variant, aggregate);
    }
  }
}
