/** Log integration: notifications as log lines. */
package io.tickwatch.alerting.notify.log;
