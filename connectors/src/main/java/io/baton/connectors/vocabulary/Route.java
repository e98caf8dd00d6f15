package io.baton.connectors.vocabulary;

/** What happens with an AI result: the {@code route} a routing decision answers. */
public enum Route {
  /** It acts on its own: nobody looks before it does. */
  AUTO_EXECUTE,
  /** Nothing looks wrong, but it is not sure enough to act alone: a reviewer sees a suggestion. */
  SUGGEST,
  /** Something is wrong, missing or at stake: nothing acts before a person approves. */
  REQUIRE_APPROVAL,
  /** High or critical risk: a supervisor decides. */
  ESCALATE
}
