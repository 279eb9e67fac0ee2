package io.tickwatch.dashboard.state;

/**
 * A host seen in the stats.
 *
 * @param hostId host id
 * @param cluster cluster the host belongs to
 * @param lastSeenMillis end of the newest window seen from it (event time, epoch milliseconds)
 */
public record HostEntry(String hostId, String cluster, long lastSeenMillis) {}
