package io.tickwatch.producer;

import io.tickwatch.avro.ProfileChunk;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The profiler part of {@link AgentConfig}.
 *
 * @param enabled whether sessions can run
 * @param topic topic of the reports
 * @param serializer serializer of the chunks, or null to keep reports in the spool
 * @param spoolDirectory where reports wait while Kafka is unreachable
 * @param defaultThreadFilter thread-name regex for sessions that set none, or null
 */
record ProfilerSettings(
    boolean enabled,
    String topic,
    Serializer<ProfileChunk> serializer,
    Path spoolDirectory,
    String defaultThreadFilter) {}
