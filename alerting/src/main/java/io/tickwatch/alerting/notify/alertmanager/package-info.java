/** Prometheus Alertmanager API v2 integration ({@code POST /api/v2/alerts}). */
package io.tickwatch.alerting.notify.alertmanager;
