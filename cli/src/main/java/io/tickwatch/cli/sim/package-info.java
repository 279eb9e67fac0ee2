/**
 * A simulated game server: a fixed-rate game loop doing real work every tick (entity movement, a
 * spatial-hash collision pass, player actions with their own processing), optionally instrumented
 * with the Tickwatch agent.
 *
 * <p>{@link io.tickwatch.cli.sim.GameWorld} is the deterministic work (seeded), {@link
 * io.tickwatch.cli.sim.SimulatedGameServer} the loop around it: it paces ticks with {@code
 * parkNanos} against absolute deadlines, reports every tick and action to the agent when one is
 * attached, keeps its own tick durations for benchmarks, and obeys {@code ShedLoad} / {@code
 * RestoreLoad} control commands by processing fewer players. Used by {@code tickwatch bench agent}
 * and by the demo's game servers.
 */
package io.tickwatch.cli.sim;
