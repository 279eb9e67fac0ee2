package io.tickwatch.producer.experiment;

/**
 * One arm of an experiment.
 *
 * @param name variant name, {@code [a-z0-9-]+}, unique within the experiment
 * @param trafficShare intended share of units in {@code (0, 1]}
 */
public record Variant(String name, double trafficShare) {}
