package io.tickwatch.schemas.profile;

import io.tickwatch.avro.HotMethod;

/**
 * One row of the hot-method table.
 *
 * @param method frame name, for example {@code com.example.game.Physics.step}
 * @param selfSamples samples with this method as the leaf
 * @param totalSamples samples with this method anywhere in the stack (counted once per stack)
 * @param selfPercent selfSamples in percent of all samples
 * @param totalPercent totalSamples in percent of all samples
 */
public record MethodStat(
    String method, long selfSamples, long totalSamples, double selfPercent, double totalPercent) {

  /** The Avro form used in {@link io.tickwatch.avro.ProfileSummary#getTopMethods()}. */
  public HotMethod toAvro() {
    return HotMethod.newBuilder()
        .setMethod(method)
        .setSelfSamples(selfSamples)
        .setTotalSamples(totalSamples)
        .setSelfPercent(selfPercent)
        .setTotalPercent(totalPercent)
        .build();
  }
}
