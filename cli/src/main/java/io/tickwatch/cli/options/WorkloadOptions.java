package io.tickwatch.cli.options;

import picocli.CommandLine.Option;

/**
 * Picocli mixin of the bench commands that run the simulated game loop: {@code --tick-rate}, {@code
 * --players}, {@code --entities-per-player} and {@code --actions-per-player}.
 */
public final class WorkloadOptions {

  @Option(
      names = "--tick-rate",
      defaultValue = "60",
      description = "Game ticks per second (default: ${DEFAULT-VALUE}).")
  int tickRateHz;

  @Option(
      names = "--players",
      defaultValue = "300",
      description = "Simulated players (default: ${DEFAULT-VALUE}).")
  int players;

  @Option(
      names = "--entities-per-player",
      defaultValue = "40",
      description = "Moving entities per player (default: ${DEFAULT-VALUE}).")
  int entitiesPerPlayer;

  @Option(
      names = "--actions-per-player",
      defaultValue = "4",
      description = "Player actions per player per second (default: ${DEFAULT-VALUE}).")
  double actionsPerPlayerPerSecond;

  /** Game ticks per second. */
  public int tickRateHz() {
    return tickRateHz;
  }

  /** Simulated players. */
  public int players() {
    return players;
  }

  /** Moving entities per player. */
  public int entitiesPerPlayer() {
    return entitiesPerPlayer;
  }

  /** Player actions per player per second. */
  public double actionsPerPlayerPerSecond() {
    return actionsPerPlayerPerSecond;
  }

  /**
   * Appends one {@code " --option must ...;"} entry per invalid value to {@code problems}, in the
   * bench commands' message format.
   */
  public void appendProblems(StringBuilder problems) {
    if (tickRateHz < 1 || tickRateHz > 1000) {
      problems.append(" --tick-rate must be in 1..1000;");
    }
    if (players < 1 || entitiesPerPlayer < 1 || actionsPerPlayerPerSecond < 0) {
      problems.append(" --players and --entities-per-player must be >= 1;");
    }
  }
}
