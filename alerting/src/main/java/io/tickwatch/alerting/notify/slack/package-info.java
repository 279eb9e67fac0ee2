/** Slack-compatible incoming-webhook integration. */
package io.tickwatch.alerting.notify.slack;
