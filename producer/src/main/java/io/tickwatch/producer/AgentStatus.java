package io.tickwatch.producer;

/**
 * A snapshot of the agent's own accounting (the same numbers as the published {@code AgentHealth}).
 *
 * @param batchesProduced sample batches built and handed to the outbound buffer
 * @param batchesDelivered batches acknowledged by Kafka
 * @param batchesDropped batches dropped (buffer full, serializer error, send error, close)
 * @param sendErrors failed sends reported by the producer
 * @param batchesPending batches queued or in flight ({@code produced - delivered - dropped})
 * @param bufferUsedBytes bytes queued plus in flight
 * @param bufferCapacityBytes the configured bound
 * @param labelValuesFolded label values and names folded into {@code other}
 * @param agentCpuNanos CPU time of the agent's threads, -1 if unknown
 * @param slotsSampled sample slots taken so far
 */
public record AgentStatus(
    long batchesProduced,
    long batchesDelivered,
    long batchesDropped,
    long sendErrors,
    long batchesPending,
    long bufferUsedBytes,
    long bufferCapacityBytes,
    long labelValuesFolded,
    long agentCpuNanos,
    long slotsSampled) {}
