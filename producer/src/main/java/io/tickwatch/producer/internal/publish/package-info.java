/**
 * Publishing: a byte-bounded outbound buffer between the sampler and one publisher thread that owns
 * the {@code KafkaProducer}.
 *
 * <p>Accounting (all counts are batches): every batch handed to the buffer is <em>produced</em>; it
 * ends as <em>delivered</em> (acknowledged by Kafka) or <em>dropped</em> (buffer full, serializer
 * error, send error after the producer's own retries, or discarded at close). While the agent runs,
 * {@code produced = delivered + dropped + queued + in flight}; after {@code close()} nothing is
 * queued or in flight, so {@code produced = delivered + dropped}.
 *
 * <p>Drop policy: when a new batch does not fit, the <em>oldest queued</em> batches are dropped
 * first (a live monitor wants the freshest data; the sequence gap marks the hole); if nothing is
 * queued (everything in flight), the new batch itself is dropped. Memory held by the agent for
 * outbound data stays below the configured bound: queued batches are counted at a conservative size
 * estimate, in-flight batches at their serialized size.
 *
 * <p>Backoff: after a failed send the publisher waits 100 ms, doubling per further failure up to 5
 * s, before it sends again (a delivery resets it). While Kafka is down this keeps the publisher and
 * the producer's network thread nearly idle; batches wait in the buffer meanwhile.
 */
package io.tickwatch.producer.internal.publish;
