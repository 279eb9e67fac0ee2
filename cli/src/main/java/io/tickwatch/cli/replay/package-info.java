/**
 * {@code tickwatch replay}: re-processing a time range of {@code tickwatch.samples} through the
 * rolling-statistics topology under its own application id and output namespace ({@link
 * io.tickwatch.cli.replay.ReplayRunner}), with offsets positioned by time, a progress bar and
 * optional pacing ({@link io.tickwatch.cli.replay.ReplayThrottle}).
 */
package io.tickwatch.cli.replay;
