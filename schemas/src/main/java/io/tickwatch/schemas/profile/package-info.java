/**
 * Profile reports on {@code tickwatch.profiles}: chunking, reassembly, collapsed stacks and flame
 * trees. Shared by the agent's profiler (producer) and every reader (dashboard, CLI).
 *
 * <p><b>Wire shape.</b> A report is UTF-8 collapsed stacks ({@link
 * io.tickwatch.schemas.profile.CollapsedStacks}: one {@code root;...;leaf count} line per distinct
 * stack, root frame first). {@link io.tickwatch.schemas.profile.ProfileChunks#split} gzips the
 * report and cuts it into {@link io.tickwatch.avro.ProfileChunk} records of at most {@value
 * io.tickwatch.schemas.profile.ProfileChunks#MAX_CHUNK_PAYLOAD_BYTES} bytes of payload; chunk 0
 * carries the {@link io.tickwatch.avro.ProfileSummary}. All chunks are keyed by the profile id so
 * they stay in order on one partition.
 *
 * <p><b>Reading.</b> {@link io.tickwatch.schemas.profile.ProfileChunks#join} validates a complete
 * set of chunks (same id, same count, every index exactly once, summary on chunk 0) and returns an
 * {@link io.tickwatch.schemas.profile.AssembledProfile}; a consumer that sees chunks one by one
 * feeds them to a {@link io.tickwatch.schemas.profile.ProfileReassembler}. {@link
 * io.tickwatch.schemas.profile.AssembledProfile#flameTree()} and {@link
 * io.tickwatch.schemas.profile.ProfileJson#profile} give the flame tree and the JSON form the
 * dashboard serves.
 *
 * <p><b>Analysis.</b> {@link io.tickwatch.schemas.profile.HotMethods} computes the hot-method table
 * (self and total percentages) and {@link io.tickwatch.schemas.profile.ProfileDiff} the
 * differential report against a baseline, both from collapsed stacks alone.
 *
 * <p>Everything here is pure (no Kafka I/O); values are immutable and thread-safe; helpers are
 * stateless except {@link io.tickwatch.schemas.profile.ProfileReassembler}, which is not
 * thread-safe.
 */
package io.tickwatch.schemas.profile;
