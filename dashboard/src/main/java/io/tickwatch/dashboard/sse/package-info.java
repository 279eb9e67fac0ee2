/**
 * Server-sent events fan-out.
 *
 * <p>{@link io.tickwatch.dashboard.sse.EventHub} collects events from the feed, coalesces repeated
 * updates of the same series window, and every flush interval (at most 1 s) encodes the pending
 * events once into one byte batch that it offers to every client's bounded queue. Writer threads (a
 * cached pool, at most one per client with data in flight) drain the queues into the connections,
 * so a client whose socket blocks holds up nobody else. A client whose queue is full (it reads
 * slower than events arrive) is disconnected and counted; publishing never blocks on a client.
 */
package io.tickwatch.dashboard.sse;
