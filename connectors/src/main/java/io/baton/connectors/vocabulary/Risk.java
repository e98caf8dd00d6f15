package io.baton.connectors.vocabulary;

/**
 * How much is at stake, lowest first: the {@code risk} of a label and the {@code guardRisk} of a
 * message. What each risk leads to is the routing tables' choice.
 */
public enum Risk {
  /** Routine. */
  LOW,
  /** Unusual, or with details missing. */
  MEDIUM,
  /** Money, fraud or a dispute at stake. */
  HIGH,
  /** Legal action, a data-protection demand, or text that tries to instruct the system. */
  CRITICAL
}
