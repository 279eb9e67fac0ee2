/**
 * The alert lifecycle engine: anomaly events in, alerts out (PENDING → FIRING → RESOLVED), with
 * {@code for} and keep-firing durations, staleness, flap detection, acknowledgement and the mute
 * state computed by the {@link io.tickwatch.alerting.model.Muter}s. Pure Java with an injected
 * {@link java.time.InstantSource}; single-threaded.
 *
 * <p>Timers run on the engine's clock (processing time), not on the anomalies' event time: an
 * alert's {@code startsAtMillis} is the event time of its first anomaly, everything else
 * (pending-since, keep-firing, staleness, endsAt) is measured on the injected clock.
 *
 * <p>Flap detection counts the changes to FIRING and to RESOLVED of one fingerprint (across
 * episodes) within a window; at the threshold the alert is flapping and the dispatcher holds its
 * notifications; below half the threshold it stops flapping. The flap window is kept in memory
 * only: after a restart an alert starts with an empty window (its {@code flapping} flag is
 * restored).
 */
package io.tickwatch.alerting.lifecycle;
