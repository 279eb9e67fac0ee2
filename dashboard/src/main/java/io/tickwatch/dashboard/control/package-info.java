/**
 * Operator control actions: {@link io.tickwatch.dashboard.control.ControlCommands} builds validated
 * {@code ControlCommand} records (issuer {@code dashboard:<user>}, {@code payloadType} set to the
 * payload's schema name) and a {@link io.tickwatch.dashboard.control.ControlPublisher} sends them
 * to {@code tickwatch.control}, keyed by the target host id.
 */
package io.tickwatch.dashboard.control;
