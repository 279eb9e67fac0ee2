package io.tickwatch.stats.ab.sim;

/**
 * What {@link AbSimulation#run} measured for one scenario.
 *
 * @param scenario the scenario
 * @param msprt experiments in which the always-valid mSPRT p-value reached alpha at some look
 * @param naiveWelch experiments in which Welch's p-value was below alpha at some look (peeking)
 * @param fixedHorizonWelch experiments in which Welch's p-value at the last look only was below
 *     alpha
 * @param meanSamplesPerArmAtMsprtRejection average observations per arm at the look where the mSPRT
 *     rejected (NaN when it never did)
 */
public record SimulationOutcome(
    Scenario scenario,
    BinomialRate msprt,
    BinomialRate naiveWelch,
    BinomialRate fixedHorizonWelch,
    double meanSamplesPerArmAtMsprtRejection) {}
