/**
 * Commands from the control topic ({@code tickwatch.control}) to this host's agent.
 *
 * <p>A game server registers a {@link io.tickwatch.producer.control.ControlHandler} per payload
 * type (for example {@code ShedLoad}) on the agent's builder or at run time. The {@link
 * io.tickwatch.producer.control.ControlListener} thread reads every partition of the control topic
 * from its end (no consumer group: every agent sees every command), decodes each record and hands
 * it to the {@link io.tickwatch.producer.control.ControlDispatcher}, which keeps the commands whose
 * target is this host, that have not expired and whose id it has not seen yet. Dry-run commands are
 * logged, not executed. Malformed records and failing handlers are logged and skipped. Handlers run
 * on the listener thread, never on a game thread; a handler that needs to act on the game thread
 * should hand the command over (for example through a queue the game loop drains).
 */
package io.tickwatch.producer.control;
