package io.tickwatch.streams.anomaly.rules;

/**
 * One input of a rule: a series name and the statistic of its window records.
 *
 * @param metric series name as in {@code RollingStats.metric}, for example {@code tick.duration}
 * @param statistic the number of each window record that is judged
 */
public record RuleInput(String metric, Statistic statistic) {}
