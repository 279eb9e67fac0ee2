package io.tickwatch.producer.internal.collect;

import java.nio.file.Path;
import java.util.List;

/**
 * Network packets per second in and out, summed over every interface except loopback, from {@code
 * /proc/net/dev} (the network namespace of the process, not the process alone).
 */
public final class NetDevCollector implements SystemCollector {

  private static final Path NET_DEV = Path.of("/proc/net/dev");

  /**
   * Field positions after "iface:": rx bytes, rx packets, ... 8 rx fields, then tx bytes, tx
   * packets.
   */
  private static final int RX_PACKETS = 1;

  private static final int TX_PACKETS = 9;

  private final ProcFile file = new ProcFile(NET_DEV, 16384);
  private final int cadenceMillis;
  private long previousIn = -1;
  private long previousOut = -1;
  private long previousNanos;

  /** Creates the collector, run every {@code cadenceMillis}. */
  public NetDevCollector(int cadenceMillis) {
    this.cadenceMillis = cadenceMillis;
  }

  @Override
  public List<String> seriesNames() {
    return List.of("net.packets.in.per.second", "net.packets.out.per.second");
  }

  @Override
  public int cadenceMillis() {
    return cadenceMillis;
  }

  @Override
  public boolean available() {
    return ProcFile.readable(NET_DEV);
  }

  @Override
  public void collect(long nowNanos, double[] out) throws Exception {
    int length = file.read();
    long in = 0;
    long outPackets = 0;
    int lineStart = file.indexOf((byte) '\n', file.indexOf((byte) '\n', 0) + 1) + 1;
    while (lineStart < length) {
      int lineEnd = file.indexOf((byte) '\n', lineStart);
      int colon = file.indexOf((byte) ':', lineStart);
      if (colon < lineEnd && !isLoopback(lineStart, colon)) {
        in += Math.max(0, file.number(colon + 1, lineEnd, RX_PACKETS));
        outPackets += Math.max(0, file.number(colon + 1, lineEnd, TX_PACKETS));
      }
      lineStart = lineEnd + 1;
    }
    if (previousIn >= 0 && nowNanos > previousNanos) {
      double seconds = (nowNanos - previousNanos) / 1e9;
      out[0] = Math.max(0, in - previousIn) / seconds;
      out[1] = Math.max(0, outPackets - previousOut) / seconds;
    } else {
      out[0] = Double.NaN;
      out[1] = Double.NaN;
    }
    previousIn = in;
    previousOut = outPackets;
    previousNanos = nowNanos;
  }

  private boolean isLoopback(int from, int colon) {
    int i = from;
    while (i < colon && file.at(i) == ' ') {
      i++;
    }
    return colon - i == 2 && file.at(i) == 'l' && file.at(i + 1) == 'o';
  }

  @Override
  public void close() {
    file.close();
  }
}
