/**
 * Error handling shared by the Kafka Streams topologies: records that cannot be deserialized or
 * processed go to {@code tickwatch.dead-letter} as {@code io.tickwatch.avro.DeadLetter} records
 * (reason, exception class, failing processor, original key, value and headers), through the
 * dead-letter-queue hooks of Kafka Streams' exception handlers (KIP-1034, Kafka 4.2+), and the
 * application continues. Register {@link
 * io.tickwatch.streams.errors.DeadLetterDeserializationHandler}, {@link
 * io.tickwatch.streams.errors.DeadLetterProcessingHandler} and {@link
 * io.tickwatch.streams.errors.DeadLetterProductionHandler} by class name; they read the topic from
 * {@code errors.dead.letter.queue.topic.name}.
 */
package io.tickwatch.streams.errors;
