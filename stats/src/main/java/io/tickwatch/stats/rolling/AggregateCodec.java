package io.tickwatch.stats.rolling;

import io.tickwatch.stats.sketch.LogBucketMapping;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compact binary encoding of {@link HostAggregate} and {@link FleetAggregate} for state stores,
 * changelogs and repartition topics (internal data, never read by other teams). Strings are UTF-8
 * with a varint length, counts are varints, buckets are sparse (index delta, count) pairs. Every
 * encoding starts with a format version byte so a later version can still read old changelogs.
 *
 * <p>Thread-safe (stateless apart from an immutable mapping cache).
 */
public final class AggregateCodec {
  private static final byte VERSION = 1;
  private static final long[] EMPTY = new long[0];

  /** Bucket spans above this are corrupt input (1e-6 accuracy covers 1e-300..1e300 in less). */
  private static final int MAX_BUCKET_SPAN = 1 << 26;

  /** Reused per thread: encoding allocates only the result array. */
  private static final ThreadLocal<Writer> WRITERS =
      ThreadLocal.withInitial(() -> new Writer(4096));

  private final LogBucketMapping mapping;

  /** A codec whose decoded aggregates use {@code mapping} when the encoded accuracy matches it. */
  public AggregateCodec(LogBucketMapping mapping) {
    this.mapping = mapping;
  }

  /** Encodes a host aggregate. */
  public byte[] encode(HostAggregate aggregate) {
    Writer out = WRITERS.get().reset();
    out.writeByte(VERSION);
    out.writeDouble(aggregate.mapping().relativeAccuracy());
    out.writeString(aggregate.cluster());
    out.writeVarLong(aggregate.series().size());
    for (Map.Entry<SeriesId, SeriesAggregate> entry : aggregate.series().entrySet()) {
      writeSeriesId(out, entry.getKey());
      writeSeries(out, entry.getValue());
    }
    return out.toByteArray();
  }

  /** Decodes a host aggregate. */
  public HostAggregate decodeHost(byte[] bytes) {
    Reader in = new Reader(bytes);
    checkVersion(in);
    LogBucketMapping decoded = mappingFor(in.readDouble());
    String cluster = in.readString();
    int n = in.readCount();
    LinkedHashMap<SeriesId, SeriesAggregate> series = new LinkedHashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) {
      SeriesId id = readSeriesId(in);
      series.put(id, readSeries(in, decoded));
    }
    return new HostAggregate(decoded, cluster, series);
  }

  /** Encodes a fleet aggregate. */
  public byte[] encode(FleetAggregate aggregate) {
    Writer out = WRITERS.get().reset();
    out.writeByte(VERSION);
    out.writeDouble(aggregate.aggregate().buckets().mapping().relativeAccuracy());
    writeSeriesId(out, aggregate.seriesId());
    out.writeString(aggregate.cluster());
    out.writeVarLong(aggregate.hostIds().size());
    for (String host : aggregate.hostIds()) {
      out.writeString(host);
    }
    writeSeries(out, aggregate.aggregate());
    return out.toByteArray();
  }

  /** Decodes a fleet aggregate. */
  public FleetAggregate decodeFleet(byte[] bytes) {
    Reader in = new Reader(bytes);
    checkVersion(in);
    LogBucketMapping decoded = mappingFor(in.readDouble());
    SeriesId id = readSeriesId(in);
    String cluster = in.readString();
    int hosts = in.readCount();
    TreeSet<String> hostIds = new TreeSet<>();
    for (int i = 0; i < hosts; i++) {
      hostIds.add(in.readString());
    }
    return new FleetAggregate(id, cluster, hostIds, readSeries(in, decoded));
  }

  private LogBucketMapping mappingFor(double accuracy) {
    return accuracy == mapping.relativeAccuracy() ? mapping : new LogBucketMapping(accuracy);
  }

  private static void checkVersion(Reader in) {
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown aggregate encoding version " + version);
    }
  }

  private static void writeSeriesId(Writer out, SeriesId id) {
    out.writeString(id.metric());
    out.writeVarLong(id.labels().size());
    for (Map.Entry<String, String> label : id.labels().entrySet()) {
      out.writeString(label.getKey());
      out.writeString(label.getValue());
    }
  }

  private static SeriesId readSeriesId(Reader in) {
    String metric = in.readString();
    int n = in.readCount();
    TreeMap<String, String> labels = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      labels.put(in.readString(), in.readString());
    }
    return new SeriesId(metric, labels);
  }

  private static void writeSeries(Writer out, SeriesAggregate series) {
    out.writeByte((byte) series.kind().ordinal());
    Moments m = series.moments();
    out.writeVarLong(m.count());
    if (m.count() > 0) {
      out.writeDouble(m.mean());
      out.writeDouble(m.m2());
      out.writeDouble(m.min());
      out.writeDouble(m.max());
      out.writeDouble(m.sum());
    }
    BucketCounts buckets = series.buckets();
    out.writeVarLong(buckets.zeroCount());
    // sparse: number of non-empty buckets, then (index delta, count) pairs; the first delta is the
    // zig-zag encoded index itself
    long[] counts = buckets.rawCounts();
    int nonEmpty = 0;
    for (long c : counts) {
      if (c != 0) {
        nonEmpty++;
      }
    }
    out.writeVarLong(nonEmpty);
    out.ensure(nonEmpty * 20);
    int previous = 0;
    boolean first = true;
    int offset = buckets.rawOffset();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] != 0) {
        int index = offset + k;
        out.writeVarLong(first ? zigZag(index) : index - previous);
        out.writeVarLong(counts[k]);
        previous = index;
        first = false;
      }
    }
  }

  private static SeriesAggregate readSeries(Reader in, LogBucketMapping mapping) {
    SeriesKind kind = SeriesKind.values()[in.readByte()];
    long count = in.readVarLong();
    Moments moments =
        count == 0
            ? new Moments()
            : Moments.of(
                count,
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble());
    long zeroCount = in.readVarLong();
    int nonEmpty = in.readCount();
    if (nonEmpty == 0) {
      return new SeriesAggregate(kind, moments, BucketCounts.of(mapping, zeroCount, 0, EMPTY));
    }
    int[] indexes = new int[nonEmpty];
    long[] values = new long[nonEmpty];
    int index = 0;
    for (int i = 0; i < nonEmpty; i++) {
      long delta = in.readVarLong();
      index = i == 0 ? (int) unZigZag(delta) : index + (int) delta;
      indexes[i] = index;
      values[i] = in.readVarLong();
    }
    int low = indexes[0];
    int span = indexes[nonEmpty - 1] - low + 1;
    if (span <= 0 || span > MAX_BUCKET_SPAN) {
      throw new IllegalArgumentException(
          "implausible bucket span " + span + " in aggregate encoding");
    }
    // a little room at both ends: the next merges rarely need to grow the array
    int slack = Math.min(16, 1 + span / 8);
    long[] counts = new long[span + 2 * slack];
    for (int i = 0; i < nonEmpty; i++) {
      counts[indexes[i] - low + slack] = values[i];
    }
    return new SeriesAggregate(
        kind, moments, BucketCounts.of(mapping, zeroCount, low - slack, counts));
  }

  private static long zigZag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unZigZag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static final class Writer {
    private byte[] buf;
    private int pos;

    Writer(int capacity) {
      buf = new byte[capacity];
    }

    Writer reset() {
      pos = 0;
      if (buf.length > (1 << 20)) {
        buf = new byte[4096]; // do not pin a huge buffer per thread after one outlier
      }
      return this;
    }

    void ensure(int extra) {
      if (pos + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
      }
    }

    void writeByte(byte b) {
      ensure(1);
      buf[pos++] = b;
    }

    void writeVarLong(long value) {
      ensure(10);
      long v = value;
      while ((v & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    void writeDouble(double d) {
      ensure(8);
      long bits = Double.doubleToRawLongBits(d);
      for (int i = 0; i < 8; i++) {
        buf[pos++] = (byte) (bits >>> (8 * i));
      }
    }

    void writeString(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      writeVarLong(bytes.length);
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buf, pos, bytes.length);
      pos += bytes.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, pos);
    }
  }

  private static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    byte readByte() {
      if (pos >= buf.length) {
        throw new IllegalArgumentException("truncated aggregate encoding");
      }
      return buf[pos++];
    }

    long readVarLong() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = readByte();
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("malformed varint in aggregate encoding");
    }

    int readCount() {
      long n = readVarLong();
      if (n < 0 || n > buf.length - pos) {
        throw new IllegalArgumentException("implausible length " + n + " in aggregate encoding");
      }
      return (int) n;
    }

    double readDouble() {
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits |= (long) (readByte() & 0xFF) << (8 * i);
      }
      return Double.longBitsToDouble(bits);
    }

    String readString() {
      int n = readCount();
      String s = new String(buf, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }
}
