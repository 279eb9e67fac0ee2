/**
 * Shared vocabulary of the alerting pipeline: label matchers (= != =~ !~), the labels an alert
 * carries, and the {@link io.tickwatch.alerting.model.Muter} interface that silences and inhibition
 * both implement.
 */
package io.tickwatch.alerting.model;
