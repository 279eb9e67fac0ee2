/**
 * {@code tickwatch run SERVICE}: one Tickwatch service per process (stats, anomalies, ab, alerting)
 * against an existing cluster, the entry points of the container images (see docs/DEPLOY.md).
 */
package io.tickwatch.cli.run;
