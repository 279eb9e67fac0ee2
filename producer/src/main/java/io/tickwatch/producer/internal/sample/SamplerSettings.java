package io.tickwatch.producer.internal.sample;

import java.util.Map;

/**
 * What the sampler stamps on every batch and how it slices time.
 *
 * @param sampleIntervalMicros spacing of the slots
 * @param slotsPerBatch slots per publish interval (publish interval / sample interval)
 */
public record SamplerSettings(
    String hostId,
    String cluster,
    Map<String, String> tags,
    String agentRunId,
    int sampleIntervalMicros,
    int slotsPerBatch) {}
