package io.tickwatch.producer;

import java.util.Locale;

/**
 * Common player-action types, recorded without any lookup (an array index). Free-form action names
 * go through {@link TickwatchAgent#actionLatency(String, long)} and share the label bound.
 */
public enum ActionType {
  MOVE,
  ATTACK,
  CAST,
  CHAT,
  TRADE,
  LOOT,
  LOGIN,
  OTHER;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The label value used in the published series ({@code action=move}). */
  public String label() {
    return label;
  }
}
