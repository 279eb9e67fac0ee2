/**
 * The pipeline that joins lifecycle, dispatch and notification on one thread, with delivery results
 * applied back to the alerts (what makes notifications at-least-once and restart-safe).
 */
package io.tickwatch.alerting.pipeline;
