/**
 * Wait-free, allocation-free recording cells.
 *
 * <p>Every recording handle keeps one cell per writer thread. A cell is written by exactly one
 * thread (its owner) with plain-cost opaque stores of <em>cumulative</em> values: counts, sums and
 * bucket counts only ever grow, so the reader (the agent's sampler thread) never has to swap or
 * reset anything the writer touches; it keeps its own previous snapshot and reports differences.
 * Only the per-slot and per-batch extremes (max, min) are reset by the reader with an atomic
 * exchange; a writer racing with that exchange can attribute one value to the neighbouring slot,
 * never lose a count. The writer executes no lock, no atomic read-modify-write instruction, no
 * allocation and no loop.
 */
package io.tickwatch.producer.internal.record;
