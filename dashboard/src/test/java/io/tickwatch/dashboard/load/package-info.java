/**
 * Bounded loopback load on the HTTP servers (issue 11 item 6): an in-JVM {@code java.net.http}
 * client, N threads × M requests, counting errors and reporting latency percentiles (reported,
 * never asserted on).
 */
package io.tickwatch.dashboard.load;
