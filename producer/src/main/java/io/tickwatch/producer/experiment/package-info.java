/**
 * A/B experiments inside the game server: declare an experiment in code or follow its definition on
 * the compacted {@code tickwatch.experiments} topic, assign units (players or sessions) to variants
 * deterministically, and time units of work under their variant.
 *
 * <p><b>Assignment.</b> {@link io.tickwatch.producer.experiment.VariantAssigner}: MurmurHash3
 * x86_32 (seed 0) of the UTF-8 bytes of {@code salt + ':' + unitId}, as an unsigned 32-bit number,
 * falls into the cumulative traffic-share interval of one variant (declared order). The salt is the
 * experiment's {@code assignmentSalt}, or its id when empty. Every agent, in any language, that
 * implements this assigns a unit identically; changing the salt reshuffles the units. While an
 * experiment is not RUNNING every unit gets the control variant and nothing is recorded.
 *
 * <p><b>What is published.</b> Per experiment and variant, latency digests in the agent's {@code
 * SampleBatch}, labelled {@code experiment=<id>, variant=<name>}: {@code ab.latency} (wall time of
 * successful units), {@code ab.errors} (wall time of failed units; the count is the error count),
 * {@code ab.units} (one entry per distinct unit first seen by this agent, from a bounded lock-free
 * set; the count feeds the sample-ratio-mismatch check), {@code ab.cpu} (thread CPU time) and
 * {@code ab.alloc.kb} (allocated bytes, read in kilobytes). The A/B topology of the streams app
 * aggregates them.
 *
 * <p><b>Cost.</b> {@code start}/{@code close} on the game thread: two 32-bit hashes of the unit id,
 * two {@code System.nanoTime}, the allocation counter (default {@link
 * io.tickwatch.producer.experiment.Metering#ALLOCATION}) or also the thread CPU clock (a system
 * call, opt-in), one CAS in the unit set, and wait-free recorder updates; no locks and no
 * allocation after a thread's first unit. Numbers: docs/PERFORMANCE.md.
 */
package io.tickwatch.producer.experiment;
