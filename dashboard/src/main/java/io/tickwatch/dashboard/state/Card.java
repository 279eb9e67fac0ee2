package io.tickwatch.dashboard.state;

/**
 * The headline numbers of one host or of the fleet; {@code null} where unknown.
 *
 * @param hostId host id, or {@code fleet}
 * @param cpuPercent process CPU in % of one core (mean of the newest 1 s window)
 * @param memoryPercent memory in use: {@code memory.used.percent} if reported, otherwise the
 *     process RSS as a share of RSS plus available memory
 * @param activePlayers connected players (fleet: sum of the hosts)
 * @param tickP99Millis 99th percentile of tick durations, milliseconds
 * @param latencyP99Millis 99th percentile of player-action latency (worst action type), ms
 * @param frameDropsPerSecond ticks over budget per second (fleet: sum)
 * @param lastSeenMillis end of the newest window seen (event time), epoch milliseconds
 */
public record Card(
    String hostId,
    Double cpuPercent,
    Double memoryPercent,
    Double activePlayers,
    Double tickP99Millis,
    Double latencyP99Millis,
    Double frameDropsPerSecond,
    Long lastSeenMillis) {}
