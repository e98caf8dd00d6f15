package io.baton.connectors.vocabulary;

/** Where routing sends an AI result. */
public enum Route {
  /** Acts without a person. */
  AUTO_EXECUTE,
  /** A reviewer sees the suggestion and decides. */
  SUGGEST,
  /** Nothing acts before a person approves. */
  REQUIRE_APPROVAL,
  /** A supervisor decides. */
  ESCALATE
}
