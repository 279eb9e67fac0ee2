/**
 * The demo's scheduled incidents: specific demo hosts misbehave at set times (latency spike, memory
 * leak, CPU saturation, frame-drop burst) so the anomaly topology has something to find, while the
 * other hosts stay quiet. {@link io.tickwatch.cli.demo.incidents.IncidentSchedule} says who and
 * when, {@link io.tickwatch.cli.demo.incidents.HostIncidents} acts on one host's game world each
 * tick (through {@code GameWorld.Disturbance}) and publishes two per-host gauges, and {@link
 * io.tickwatch.cli.demo.incidents.DemoIncidentRules} is the rule set that catches them.
 */
package io.tickwatch.cli.demo.incidents;
