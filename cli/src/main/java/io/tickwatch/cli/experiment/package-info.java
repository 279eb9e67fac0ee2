/**
 * {@code tickwatch experiment create|start|stop|list|show}: A/B experiment definitions on the
 * compacted {@code tickwatch.experiments} topic (one record per change, key = experiment id) and
 * their latest evaluation from {@code tickwatch.ab-results}. {@link
 * io.tickwatch.cli.experiment.ExperimentDefinition} validates a definition and lists every problem;
 * {@link io.tickwatch.cli.experiment.ExperimentTopics} reads and writes the topics (also used by
 * the demo).
 */
package io.tickwatch.cli.experiment;
