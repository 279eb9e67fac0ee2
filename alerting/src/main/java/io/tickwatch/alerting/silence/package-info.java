/**
 * Silences: label matchers with a start and an end that mute matching alerts (Alertmanager's {@code
 * silence} package). The {@link io.tickwatch.alerting.silence.Silencer} is a {@link
 * io.tickwatch.alerting.model.Muter}.
 */
package io.tickwatch.alerting.silence;
