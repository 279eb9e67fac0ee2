/**
 * Routing and grouping (Alertmanager's {@code dispatch} package): the {@link
 * io.tickwatch.alerting.dispatch.Route} tree picks receivers and grouping by labels and severity;
 * the {@link io.tickwatch.alerting.dispatch.Dispatcher} runs group wait, group interval and repeat
 * interval and emits {@link io.tickwatch.alerting.notify.Notification}s.
 */
package io.tickwatch.alerting.dispatch;
