/** PagerDuty Events API v2 integration (trigger, acknowledge, resolve with a stable dedup key). */
package io.tickwatch.alerting.notify.pagerduty;
