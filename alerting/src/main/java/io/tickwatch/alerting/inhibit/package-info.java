/**
 * Inhibition rules (Alertmanager's {@code inhibit} package): a firing alert of high severity mutes
 * lower-severity alerts that share some labels.
 */
package io.tickwatch.alerting.inhibit;
