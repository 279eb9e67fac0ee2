/** Generic JSON webhook integration, signed with HMAC-SHA256 over timestamp and body. */
package io.tickwatch.alerting.notify.webhook;
