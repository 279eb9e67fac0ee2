package io.tickwatch.producer.profile;

/**
 * One lock hot spot: where threads waited to enter a contended monitor.
 *
 * @param method method that entered the monitor
 * @param monitorClass class of the monitor object
 * @param events contended enters recorded (JFR records those above its threshold)
 * @param blockedNanos total time blocked
 */
public record LockSite(String method, String monitorClass, long events, long blockedNanos) {}
